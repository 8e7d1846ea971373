package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;

/** The tag browser's rows from a parsed header: plain JUnit. */
class TagBrowserViewModelTest {

    private static DicomObject header() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.PatientName, VR.PN, "Vries^Jan");
        ds.setString(Tag.Modality, VR.CS, "CR");
        ds.setInt(Tag.Rows, VR.US, 512);
        DicomObject item = ds.newSequence(Tag.VOILUTSequence).addItem();
        item.setString(Tag.LUTExplanation, VR.LO, "SIGMOID CONTRAST");
        item.setBytes(Tag.LUTData, VR.OW, new byte[8192]);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[] {1, 2, 3, 4});
        return ds;
    }

    @Test
    void elementsSequencesAndItemsFormATreeAndPixelDataIsNeverDumped() {
        TagBrowserViewModel m = new TagBrowserViewModel();
        m.show(header());
        List<TagRow> rows = m.rowsProperty().get();
        assertEquals(List.of("(0008,0060)", "(0010,0010)", "(0028,0010)", "(0028,3010)", "(7FE0,0010)"),
                rows.stream().map(TagRow::tagText).toList());
        assertEquals("Vries^Jan", rows.get(1).value());
        assertEquals("PatientName", rows.get(1).keyword());
        assertEquals("512", rows.get(2).value());
        TagRow seq = rows.get(3);
        assertEquals(TagRow.Kind.SEQUENCE, seq.kind());
        assertEquals(1, seq.count());
        TagRow item = seq.children().getFirst();
        assertEquals(TagRow.Kind.ITEM, item.kind());
        assertEquals("SIGMOID CONTRAST", item.children().getFirst().value());
        TagRow lutData = item.children().get(1);
        assertEquals(TagRow.Kind.BINARY, lutData.kind(), "a long binary value is not shown");
        assertEquals(8192, lutData.count());
        assertEquals("", lutData.value());
        TagRow pixels = rows.get(4);
        assertEquals(TagRow.Kind.PIXEL_DATA, pixels.kind());
        assertEquals("", pixels.value());
        assertEquals(List.of(), pixels.children());
    }

    @Test
    void theFilterFindsByKeywordTagOrValueAndKeepsTheSequencesAroundWhatItFound() {
        TagBrowserViewModel m = new TagBrowserViewModel();
        m.show(header());
        m.filterProperty().set("patientname");
        assertEquals(List.of("(0010,0010)"), m.rowsProperty().get().stream().map(TagRow::tagText).toList());
        m.filterProperty().set("(0028,0010)");
        assertEquals(List.of("(0028,0010)"), m.rowsProperty().get().stream().map(TagRow::tagText).toList());
        m.filterProperty().set("sigmoid");
        List<TagRow> found = m.rowsProperty().get();
        assertEquals(List.of("(0028,3010)"), found.stream().map(TagRow::tagText).toList());
        List<TagRow> inItem = found.getFirst().children().getFirst().children();
        assertEquals(1, inItem.size(), "only what matched inside the item");
        assertEquals("LUTExplanation", inItem.getFirst().keyword());
        m.filterProperty().set("  ");
        assertEquals(5, m.rowsProperty().get().size());
        m.filterProperty().set("nothing like this");
        assertTrue(m.rowsProperty().get().isEmpty());
    }
}
