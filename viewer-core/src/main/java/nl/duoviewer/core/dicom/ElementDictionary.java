package nl.duoviewer.core.dicom;

/**
 * Looks up the VR and keyword of a tag, applying the standard's rules for group lengths, private creators and
 * repeating groups. Unknown tags have VR UN, which keeps their bytes intact.
 */
public final class ElementDictionary {

    private ElementDictionary() {
    }

    /** The dictionary VR of a tag; UN when the tag is private or unknown. Never null for data elements. */
    public static VR vrOf(int tag) {
        int element = tag & 0xFFFF;
        int group = tag >>> 16;
        if (element == 0) {
            return VR.UL;
        }
        if ((group & 1) != 0) {
            return element >= 0x10 && element <= 0xFF ? VR.LO : VR.UN;
        }
        int i = indexOf(normalise(tag));
        return i >= 0 ? StandardDictionary.VRS[i] : VR.UN;
    }

    /** The PS3.6 keyword, or null when the tag is not in the product's dictionary. */
    public static String keywordOf(int tag) {
        int i = indexOf(normalise(tag));
        return i >= 0 ? StandardDictionary.KEYWORDS[i] : null;
    }

    /** "Keyword (gggg,eeee)" for known tags, "(gggg,eeee)" otherwise: for error messages. */
    public static String describe(int tag) {
        String keyword = (tag >>> 16 & 1) == 0 ? keywordOf(tag) : null;
        return keyword == null ? Tag.toString(tag) : keyword + " " + Tag.toString(tag);
    }

    private static int normalise(int tag) {
        int group = tag >>> 16;
        if (group >= 0x6000 && group <= 0x601E && (group & 1) == 0) {
            return 0x60000000 | (tag & 0xFFFF);
        }
        return tag;
    }

    private static int indexOf(int tag) {
        int i = binarySearchUnsigned(StandardDictionary.TAGS, StandardDictionary.TAGS.length, tag);
        return i >= 0 ? i : -1;
    }

    /**
     * Binary search over the first {@code size} tags of an array sorted as unsigned ints (DICOM tag order: groups
     * above 7FFF are negative as Java ints). Returns the index, or {@code -(insertion point) - 1}.
     */
    static int binarySearchUnsigned(int[] tags, int size, int tag) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }
}
