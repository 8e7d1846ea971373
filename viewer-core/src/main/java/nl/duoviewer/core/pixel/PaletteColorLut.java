package nl.duoviewer.core.pixel;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;

/** The red, green and blue tables of a PALETTE COLOR image (PS3.3 C.7.6.3.1.5), output as 8-bit ARGB. */
public record PaletteColorLut(LookupTable red, LookupTable green, LookupTable blue) {

    /** ARGB (opaque) for a stored index. */
    public int argb(int index) {
        return 0xFF000000 | to8(red, index) << 16 | to8(green, index) << 8 | to8(blue, index);
    }

    private static int to8(LookupTable t, int index) {
        int v = t.lookup(index);
        return t.bitsPerEntry() > 8 ? v >> (t.bitsPerEntry() - 8) : v;
    }

    /**
     * The palette of a dataset.
     *
     * @throws IllegalArgumentException when the tables are missing or segmented (not supported)
     */
    public static PaletteColorLut from(DicomObject ds) {
        if (ds.contains(Tag.SegmentedRedPaletteColorLookupTableData)) {
            throw new IllegalArgumentException("segmented palette colour lookup tables are not supported");
        }
        boolean signed = ds.getInt(Tag.PixelRepresentation, 0) == 1;
        return new PaletteColorLut(
                LookupTable.of(ds.getInts(Tag.RedPaletteColorLookupTableDescriptor),
                        ds.getBytes(Tag.RedPaletteColorLookupTableData), signed),
                LookupTable.of(ds.getInts(Tag.GreenPaletteColorLookupTableDescriptor),
                        ds.getBytes(Tag.GreenPaletteColorLookupTableData), signed),
                LookupTable.of(ds.getInts(Tag.BluePaletteColorLookupTableDescriptor),
                        ds.getBytes(Tag.BluePaletteColorLookupTableData), signed));
    }
}
