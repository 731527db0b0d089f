"""boto3's managed transfers (upload_file/download_file, multipart above the threshold) against a node."""
import filecmp
import os
import sys

import boto3
from boto3.s3.transfer import TransferConfig

s3 = boto3.client('s3', endpoint_url=os.environ["S3AAS_ENDPOINT"],
                  aws_access_key_id=os.environ["S3AAS_ACCESS_KEY"],
                  aws_secret_access_key=os.environ["S3AAS_SECRET_KEY"], region_name='us-east-1')
bucket = os.environ["S3AAS_BUCKET"]
work = os.environ["S3AAS_WORK_DIR"]
s3.create_bucket(Bucket=bucket)
src = os.path.join(work, "upload.bin")
with open(src, "wb") as f:
    f.write(os.urandom(23 * 1024 * 1024 + 11))
config = TransferConfig(multipart_threshold=8 * 1024 * 1024, multipart_chunksize=8 * 1024 * 1024, max_concurrency=4)
s3.upload_file(src, bucket, "managed.bin", Config=config)
head = s3.head_object(Bucket=bucket, Key="managed.bin")
assert head["ETag"].endswith('-3"'), head["ETag"]
dst = os.path.join(work, "download.bin")
s3.download_file(bucket, "managed.bin", dst, Config=config)
assert filecmp.cmp(src, dst, shallow=False)
print("boto3", boto3.__version__, "transfer ok", file=sys.stderr)
