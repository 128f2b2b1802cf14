package io.agentobs.audit.archive;

import java.util.Arrays;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** A Parquet {@link OutputFile} that writes into a growing in-memory buffer instead of a (Hadoop) file system. */
final class ByteArrayOutputFile implements OutputFile {

    private final Buffer buffer;

    ByteArrayOutputFile(int initialCapacity) {
        this.buffer = new Buffer(Math.max(initialCapacity, 1024));
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        buffer.reset();
        return buffer;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return "memory";
    }

    /** The bytes written so far. */
    byte[] toByteArray() {
        return buffer.toByteArray();
    }

    /** Not synchronized, unlike {@link java.io.ByteArrayOutputStream}: one writer thread owns it. */
    private static final class Buffer extends PositionOutputStream {

        private byte[] bytes;
        private int count;

        Buffer(int capacity) {
            this.bytes = new byte[capacity];
        }

        void reset() {
            count = 0;
        }

        @Override
        public long getPos() {
            return count;
        }

        @Override
        public void write(int b) {
            ensureCapacity(count + 1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensureCapacity(count + length);
            System.arraycopy(source, offset, bytes, count, length);
            count += length;
        }

        private void ensureCapacity(int needed) {
            if (needed < 0) {
                throw new IllegalStateException("archive file larger than 2 GiB");
            }
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8L, bytes.length * 2L)));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, count);
        }
    }
}
