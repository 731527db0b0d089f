"""boto3 as an IAM user created through the admin API: allowed inside its policy, AccessDenied outside.

Environment: S3AAS_ENDPOINT, S3AAS_ACCESS_KEY / S3AAS_SECRET_KEY (the user's key), S3AAS_ALLOWED_BUCKET,
S3AAS_OTHER_BUCKET. Prints "ok" and exits 0 when every expectation held.
"""
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
allowed = os.environ["S3AAS_ALLOWED_BUCKET"]
other = os.environ["S3AAS_OTHER_BUCKET"]


def denied(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        code = e.response["Error"]["Code"]
        assert code == "AccessDenied", (call.__name__, code)
        return
    raise AssertionError("%s was allowed" % call.__name__)


s3.put_object(Bucket=allowed, Key="py.txt", Body=b"from boto3")
assert s3.get_object(Bucket=allowed, Key="py.txt")["Body"].read() == b"from boto3"
keys = [o["Key"] for o in s3.list_objects_v2(Bucket=allowed).get("Contents", [])]
assert "py.txt" in keys, keys
s3.delete_object(Bucket=allowed, Key="py.txt")

denied(s3.put_object, Bucket=other, Key="py.txt", Body=b"x")
denied(s3.get_object, Bucket=other, Key="seed.txt")
denied(s3.list_objects_v2, Bucket=other)
denied(s3.delete_object, Bucket=other, Key="seed.txt")
print("boto3", boto3.__version__, "ok")
