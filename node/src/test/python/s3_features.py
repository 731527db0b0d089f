"""Bucket configurations and retried/ranged reads through boto3 (old and new), against S3AAS_ENDPOINT as root."""
import os
import sys

import boto3
import botocore

s3 = boto3.client('s3', endpoint_url=os.environ["S3AAS_ENDPOINT"],
                  aws_access_key_id=os.environ["S3AAS_ACCESS_KEY"],
                  aws_secret_access_key=os.environ["S3AAS_SECRET_KEY"], region_name='us-east-1')
bucket = os.environ["S3AAS_BUCKET"]
s3.create_bucket(Bucket=bucket)

# A ranged read of an object stored with a checksum: boto3 >= 1.36 validates response checksums, so the
# whole-object checksum must not come with a partial body.
extra = {"ChecksumAlgorithm": "CRC32"} if "ChecksumAlgorithm" in str(s3.meta.service_model.operation_model(
    "PutObject").input_shape.members) else {}
s3.put_object(Bucket=bucket, Key="ranged", Body=b"0123456789" * 100, **extra)
part = s3.get_object(Bucket=bucket, Key="ranged", Range="bytes=10-19", ChecksumMode="ENABLED")["Body"].read()
assert part == b"0123456789", part
whole = s3.get_object(Bucket=bucket, Key="ranged", ChecksumMode="ENABLED")
assert whole["Body"].read() == b"0123456789" * 100
if extra:
    assert "ChecksumCRC32" in whole, whole.keys()

# CORS round trip.
s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [
    {"AllowedOrigins": ["https://app.test"], "AllowedMethods": ["GET", "PUT"], "AllowedHeaders": ["*"],
     "MaxAgeSeconds": 60}]})
rules = s3.get_bucket_cors(Bucket=bucket)["CORSRules"]
assert rules[0]["AllowedOrigins"] == ["https://app.test"] and rules[0]["MaxAgeSeconds"] == 60, rules
s3.delete_bucket_cors(Bucket=bucket)
try:
    s3.get_bucket_cors(Bucket=bucket)
    raise AssertionError("CORS still set")
except botocore.exceptions.ClientError as e:
    assert e.response["Error"]["Code"] == "NoSuchCORSConfiguration", e.response

# Website configuration round trip.
s3.put_bucket_website(Bucket=bucket, WebsiteConfiguration={"IndexDocument": {"Suffix": "index.html"}})
assert s3.get_bucket_website(Bucket=bucket)["IndexDocument"]["Suffix"] == "index.html"

# A CompleteMultipartUpload retried after a lost response answers the same result.
up = s3.create_multipart_upload(Bucket=bucket, Key="mp")
etag = s3.upload_part(Bucket=bucket, Key="mp", UploadId=up["UploadId"], PartNumber=1, Body=b"x" * 1000)["ETag"]
parts = {"Parts": [{"PartNumber": 1, "ETag": etag}]}
first = s3.complete_multipart_upload(Bucket=bucket, Key="mp", UploadId=up["UploadId"], MultipartUpload=parts)
again = s3.complete_multipart_upload(Bucket=bucket, Key="mp", UploadId=up["UploadId"], MultipartUpload=parts)
assert first["ETag"] == again["ETag"], (first, again)

# SSE-C: boto3 computes the key's MD5; the node runs with --sse-c-over-http in tests.
key = bytes(range(32))
s3.put_object(Bucket=bucket, Key="ssec", Body=b"customer", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
got = s3.get_object(Bucket=bucket, Key="ssec", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
assert got["Body"].read() == b"customer" and got["SSECustomerAlgorithm"] == "AES256", got
part = s3.get_object(Bucket=bucket, Key="ssec", Range="bytes=2-4", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
assert part["Body"].read() == b"sto"
try:
    s3.get_object(Bucket=bucket, Key="ssec", SSECustomerAlgorithm="AES256", SSECustomerKey=bytes(32))
    raise AssertionError("read with the wrong key")
except botocore.exceptions.ClientError as e:
    assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 403, e.response

# SSE-KMS with the key the test created through the node's admin API.
s3.put_object(Bucket=bucket, Key="kms", Body=b"kms", ServerSideEncryption="aws:kms", SSEKMSKeyId="py-key")
head = s3.head_object(Bucket=bucket, Key="kms")
assert head["ServerSideEncryption"] == "aws:kms" and head["SSEKMSKeyId"] == "py-key", head
assert s3.get_object(Bucket=bucket, Key="kms")["Body"].read() == b"kms"

print("boto3", boto3.__version__, "features ok")
