package nl.duoviewer.core.dicom;

/** Byte swapping of fixed-size words in place. */
final class ByteOrderUtil {

    private ByteOrderUtil() {
    }

    static void swap(byte[] b, int off, int len, int unit) {
        int end = off + len - len % unit;
        switch (unit) {
            case 2 -> {
                for (int i = off; i < end; i += 2) {
                    byte t = b[i];
                    b[i] = b[i + 1];
                    b[i + 1] = t;
                }
            }
            case 4 -> {
                for (int i = off; i < end; i += 4) {
                    byte t0 = b[i];
                    byte t1 = b[i + 1];
                    b[i] = b[i + 3];
                    b[i + 1] = b[i + 2];
                    b[i + 2] = t1;
                    b[i + 3] = t0;
                }
            }
            case 8 -> {
                for (int i = off; i < end; i += 8) {
                    for (int k = 0; k < 4; k++) {
                        byte t = b[i + k];
                        b[i + k] = b[i + 7 - k];
                        b[i + 7 - k] = t;
                    }
                }
            }
            default -> {
                // 1-byte units need no swap
            }
        }
    }
}
