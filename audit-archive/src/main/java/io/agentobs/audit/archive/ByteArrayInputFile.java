package io.agentobs.audit.archive;

import java.io.ByteArrayInputStream;

import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} over bytes in memory. */
final class ByteArrayInputFile implements InputFile {

    private final byte[] bytes;

    ByteArrayInputFile(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long getLength() {
        return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
        SeekableBytes in = new SeekableBytes(bytes);
        return new DelegatingSeekableInputStream(in) {
            @Override
            public long getPos() {
                return in.position();
            }

            @Override
            public void seek(long newPos) {
                in.seek(newPos);
            }
        };
    }

    @Override
    public String toString() {
        return "memory (" + bytes.length + " bytes)";
    }

    /** {@link ByteArrayInputStream} whose position can be read and set. */
    private static final class SeekableBytes extends ByteArrayInputStream {

        SeekableBytes(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        void seek(long newPos) {
            if (newPos < 0 || newPos > count) {
                throw new IllegalArgumentException("seek to " + newPos + " outside 0.." + count);
            }
            pos = (int) newPos;
        }
    }
}
