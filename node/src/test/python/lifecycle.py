"""Bucket lifecycle through boto3 against a node given by S3AAS_ENDPOINT / S3AAS_ACCESS_KEY / S3AAS_SECRET_KEY."""
import os
import sys

import boto3
from botocore.exceptions import ClientError

s3 = boto3.client(
    's3',
    endpoint_url=os.environ["S3AAS_ENDPOINT"],
    aws_access_key_id=os.environ["S3AAS_ACCESS_KEY"],
    aws_secret_access_key=os.environ["S3AAS_SECRET_KEY"],
    region_name='us-east-1'
)
bucket = os.environ["S3AAS_BUCKET"]
s3.create_bucket(Bucket=bucket)


def error_code(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"]
    raise AssertionError("no error")


assert error_code(lambda: s3.get_bucket_lifecycle_configuration(Bucket=bucket)) == "NoSuchLifecycleConfiguration"

rules = [
    {"ID": "logs", "Status": "Enabled", "Filter": {"Prefix": "logs/"}, "Expiration": {"Days": 30}},
    {"ID": "versions", "Status": "Enabled",
     "Filter": {"And": {"Prefix": "data/", "Tags": [{"Key": "keep", "Value": "no"}], "ObjectSizeGreaterThan": 10}},
     "NoncurrentVersionExpiration": {"NoncurrentDays": 7, "NewerNoncurrentVersions": 2}},
    {"ID": "markers", "Status": "Disabled", "Filter": {"Prefix": ""},
     "Expiration": {"ExpiredObjectDeleteMarker": True},
     "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 3}},
]
s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": rules})
got = s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
assert got == rules, got

expiration = s3.put_object(Bucket=bucket, Key="logs/today.log", Body=b"x")["Expiration"]
assert expiration.startswith('expiry-date="') and expiration.endswith('", rule-id="logs"'), expiration
assert s3.head_object(Bucket=bucket, Key="logs/today.log")["Expiration"] == expiration

transition = [{"ID": "cold", "Status": "Enabled", "Filter": {"Prefix": ""},
               "Transitions": [{"Days": 30, "StorageClass": "GLACIER"}]}]
assert error_code(lambda: s3.put_bucket_lifecycle_configuration(
    Bucket=bucket, LifecycleConfiguration={"Rules": transition})) == "InvalidStorageClass"
duplicate = [dict(rules[0]), dict(rules[0])]
assert error_code(lambda: s3.put_bucket_lifecycle_configuration(
    Bucket=bucket, LifecycleConfiguration={"Rules": duplicate})) == "InvalidArgument"
assert s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"] == rules

s3.delete_bucket_lifecycle(Bucket=bucket)
assert error_code(lambda: s3.get_bucket_lifecycle_configuration(Bucket=bucket)) == "NoSuchLifecycleConfiguration"
print("boto3", boto3.__version__, "lifecycle ok", file=sys.stderr)
