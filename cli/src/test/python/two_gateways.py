"""The README's boto3 example against an instance on a Ceph cluster: write through one gateway, read through the
other. Environment: S3AAS_GATEWAY_1, S3AAS_GATEWAY_2, S3AAS_ACCESS_KEY, S3AAS_SECRET_KEY, S3AAS_BUCKET."""
import os
import sys

import boto3

bucket = os.environ.get("S3AAS_BUCKET", "data-bucket")


def client(endpoint):
    return boto3.client(
        's3',
        endpoint_url=endpoint,
        aws_access_key_id=os.environ["S3AAS_ACCESS_KEY"],
        aws_secret_access_key=os.environ["S3AAS_SECRET_KEY"],
        region_name='us-east-1'
    )


one = client(os.environ["S3AAS_GATEWAY_1"])
two = client(os.environ["S3AAS_GATEWAY_2"])
key = 'test-' + boto3.__version__ + '.txt'
one.put_object(Bucket=bucket, Key=key, Body=b'hello')
obj = two.get_object(Bucket=bucket, Key=key)
print(obj['Body'].read())  # b'hello'
big = os.urandom(3 * 1024 * 1024 + 5)
two.put_object(Bucket=bucket, Key="big-" + key, Body=big)
assert one.get_object(Bucket=bucket, Key="big-" + key)["Body"].read() == big
one.delete_object(Bucket=bucket, Key="big-" + key)
print("boto3", boto3.__version__, "ok", file=sys.stderr)
