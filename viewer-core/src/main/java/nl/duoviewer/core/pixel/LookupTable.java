package nl.duoviewer.core.pixel;

import java.util.Arrays;
import java.util.Objects;

/**
 * A DICOM lookup table (PS3.3 C.11.1.1): entries for input values firstMapped .. firstMapped + size - 1; inputs below
 * take the first entry, inputs above the last.
 *
 * @param firstMapped   first input value mapped (LUT Descriptor value 2, read as signed when the input is signed)
 * @param bitsPerEntry  LUT Descriptor value 3: the output range is 0 .. 2^bitsPerEntry - 1
 * @param entries       the output values
 */
public record LookupTable(int firstMapped, int bitsPerEntry, int[] entries) {

    public LookupTable {
        Objects.requireNonNull(entries, "entries");
        if (entries.length == 0 || entries.length > 65536) {
            throw new IllegalArgumentException("LUT must have 1..65536 entries, got " + entries.length);
        }
        if (bitsPerEntry < 1 || bitsPerEntry > 16) {
            throw new IllegalArgumentException("LUT bits per entry must be 1..16, got " + bitsPerEntry);
        }
        entries = entries.clone();
    }

    /** The output for an input value. */
    public int lookup(int value) {
        int i = value - firstMapped;
        if (i <= 0) {
            return entries[0];
        }
        return i >= entries.length ? entries[entries.length - 1] : entries[i];
    }

    /** Largest possible output: 2^bitsPerEntry - 1. */
    public int maxOutput() {
        return (1 << bitsPerEntry) - 1;
    }

    /**
     * Builds a table from LUT Descriptor and LUT Data as stored.
     *
     * @param descriptor   the three descriptor values (entries, 0 meaning 65536; first mapped; bits per entry)
     * @param data         LUT Data bytes, little endian: 16-bit words, or one byte per entry for 8-bit data
     * @param signedInput  whether the first mapped value is a signed 16-bit number (Pixel Representation 1)
     * @throws IllegalArgumentException when descriptor and data do not fit together
     */
    public static LookupTable of(int[] descriptor, byte[] data, boolean signedInput) {
        if (descriptor == null || descriptor.length < 3) {
            throw new IllegalArgumentException("LUT Descriptor needs 3 values");
        }
        if (data == null) {
            throw new IllegalArgumentException("LUT Data is missing");
        }
        int n = descriptor[0] & 0xFFFF;
        if (n == 0) {
            n = 65536;
        }
        int first = signedInput ? (short) descriptor[1] : descriptor[1] & 0xFFFF;
        int bits = descriptor[2];
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("LUT Descriptor bits " + bits + " outside 1..16");
        }
        int[] e = new int[n];
        if (data.length >= 2 * n) {
            for (int i = 0; i < n; i++) {
                e[i] = (data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8;
            }
        } else if (data.length >= n && bits <= 8) {
            for (int i = 0; i < n; i++) {
                e[i] = data[i] & 0xFF;
            }
        } else {
            throw new IllegalArgumentException("LUT Data has " + data.length + " bytes for " + n + " entries");
        }
        int max = (1 << bits) - 1;
        for (int i = 0; i < n; i++) {
            if (e[i] > max) {
                // some writers declare 8 bits but store 16-bit entries; keep the significant bits
                e[i] = bits == 8 ? e[i] >> 8 : max;
            }
        }
        return new LookupTable(first, bits, e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookupTable t && t.firstMapped == firstMapped && t.bitsPerEntry == bitsPerEntry
                && Arrays.equals(t.entries, entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstMapped, bitsPerEntry, Arrays.hashCode(entries));
    }

    @Override
    public String toString() {
        return "LookupTable[first=" + firstMapped + ", bits=" + bitsPerEntry + ", entries=" + entries.length + "]";
    }
}
