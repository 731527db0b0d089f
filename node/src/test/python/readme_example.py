"""The README's boto3 example, verbatim, against a node given by S3AAS_ENDPOINT / S3AAS_ACCESS_KEY / S3AAS_SECRET_KEY."""
import os
import sys

import boto3

endpoint = os.environ["S3AAS_ENDPOINT"]
access_key = os.environ["S3AAS_ACCESS_KEY"]
secret_key = os.environ["S3AAS_SECRET_KEY"]
bucket = os.environ.get("S3AAS_BUCKET", "data-bucket")

s3 = boto3.client(
    's3',
    endpoint_url=endpoint,
    aws_access_key_id=access_key,
    aws_secret_access_key=secret_key,
    region_name='us-east-1'
)

if os.environ.get("S3AAS_CREATE_BUCKET", "1") == "1":
    s3.create_bucket(Bucket=bucket)

# --- README example starts here ---
s3.put_object(Bucket=bucket, Key='test.txt', Body=b'hello')
obj = s3.get_object(Bucket=bucket, Key='test.txt')
print(obj['Body'].read())  # b'hello'
# --- README example ends here ---

# A little more than the README: listing, a larger upload (multipart for modern boto3 is not needed here), delete.
keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
assert "test.txt" in keys, keys
big = os.urandom(3 * 1024 * 1024 + 5)
s3.put_object(Bucket=bucket, Key="big.bin", Body=big)
assert s3.get_object(Bucket=bucket, Key="big.bin")["Body"].read() == big
s3.delete_object(Bucket=bucket, Key="big.bin")
print("boto3", boto3.__version__, "ok", file=sys.stderr)
