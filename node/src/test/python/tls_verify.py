"""boto3 over HTTPS with the node's CA given as verify= (S3AAS_CA_BUNDLE): put/get, multipart, SSE-C; and the
same client without that CA must fail certificate verification."""
import os
import sys

import boto3
import botocore.exceptions
from boto3.s3.transfer import TransferConfig

endpoint = os.environ["S3AAS_ENDPOINT"]
bucket = os.environ["S3AAS_BUCKET"]
ca_bundle = os.environ["S3AAS_CA_BUNDLE"]
assert endpoint.startswith("https://"), endpoint


def client(verify):
    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", verify=verify,
                        aws_access_key_id=os.environ["S3AAS_ACCESS_KEY"],
                        aws_secret_access_key=os.environ["S3AAS_SECRET_KEY"])


s3 = client(ca_bundle)
s3.create_bucket(Bucket=bucket)
s3.put_object(Bucket=bucket, Key="hello.txt", Body=b"hello over tls")
assert s3.get_object(Bucket=bucket, Key="hello.txt")["Body"].read() == b"hello over tls"

big = os.urandom(11 * 1024 * 1024)
with open(os.path.join(os.environ["S3AAS_WORK_DIR"], "big.bin"), "wb") as f:
    f.write(big)
config = TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024)
s3.upload_file(os.path.join(os.environ["S3AAS_WORK_DIR"], "big.bin"), bucket, "big.bin", Config=config)
head = s3.head_object(Bucket=bucket, Key="big.bin")
assert head["ETag"].endswith('-3"'), head["ETag"]
assert s3.get_object(Bucket=bucket, Key="big.bin")["Body"].read() == big

key = os.urandom(32)
s3.put_object(Bucket=bucket, Key="secret.bin", Body=b"customer keyed", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
got = s3.get_object(Bucket=bucket, Key="secret.bin", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
assert got["Body"].read() == b"customer keyed"
assert got["SSECustomerAlgorithm"] == "AES256"

try:
    client(True).list_buckets()
    raise AssertionError("a client without the CA verified the node's certificate")
except botocore.exceptions.SSLError as e:
    print("without the CA:", type(e).__name__, file=sys.stderr)

print("boto3", boto3.__version__, "tls ok")
