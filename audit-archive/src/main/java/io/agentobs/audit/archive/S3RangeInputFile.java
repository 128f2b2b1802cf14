package io.agentobs.audit.archive;

import java.io.EOFException;
import java.io.InputStream;

import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * A Parquet {@link InputFile} over an S3 object read with ranged GETs. The length comes from the listing (no HEAD);
 * the first read near the end fetches the last {@value #TAIL_BYTES} bytes at once, so a footer costs one GET.
 */
final class S3RangeInputFile implements InputFile {

    /** Footer, its length and magic: a few KB for an archive file, so one GET in practice. */
    static final int TAIL_BYTES = 64 * 1024;
    /** Read-ahead for any other position. */
    static final int CHUNK_BYTES = 1024 * 1024;

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final long length;

    S3RangeInputFile(S3Client client, String bucket, String key, long length) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.length = length;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() {
        RangedStream in = new RangedStream();
        return new DelegatingSeekableInputStream(in) {
            @Override
            public long getPos() {
                return in.position;
            }

            @Override
            public void seek(long newPos) throws EOFException {
                if (newPos < 0 || newPos > length) {
                    throw new EOFException("seek to " + newPos + " outside s3://" + bucket + "/" + key
                            + " of " + length + " bytes");
                }
                in.position = newPos;
            }
        };
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }

    /** The object as a stream, served from the last fetched window; a read outside it fetches a new one. */
    private final class RangedStream extends InputStream {

        private long position;
        private byte[] window = new byte[0];
        private long windowStart;

        @Override
        public int read() {
            if (position >= length) {
                return -1;
            }
            fill();
            return window[(int) (position++ - windowStart)] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int count) {
            if (count == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            fill();
            int available = (int) (windowStart + window.length - position);
            int n = Math.min(count, available);
            System.arraycopy(window, (int) (position - windowStart), target, offset, n);
            position += n;
            return n;
        }

        private void fill() {
            if (position >= windowStart && position < windowStart + window.length) {
                return;
            }
            long tailStart = Math.max(0, length - TAIL_BYTES);
            long start = position >= tailStart ? tailStart : position;
            long end = position >= tailStart ? length : Math.min(length, position + CHUNK_BYTES);
            GetObjectRequest request = GetObjectRequest.builder()
                    .bucket(bucket)
                    .key(key)
                    .range("bytes=" + start + "-" + (end - 1))
                    .build();
            byte[] fetched = client.getObjectAsBytes(request).asByteArrayUnsafe();
            if (fetched.length != end - start) {
                throw new IllegalStateException("ranged GET of s3://" + bucket + "/" + key + " bytes " + start + "-"
                        + (end - 1) + " returned " + fetched.length + " bytes: the object changed or is shorter"
                        + " than its listed " + length + " bytes");
            }
            window = fetched;
            windowStart = start;
        }
    }
}
