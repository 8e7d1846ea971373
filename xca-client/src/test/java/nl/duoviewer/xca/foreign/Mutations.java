package nl.duoviewer.xca.foreign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.SplittableRandom;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import nl.duoviewer.xca.security.SecureXml;

/**
 * Test-only: seeded mutation of a message, in the style of the DICOM fuzz tests (truncation, bit flips, byte
 * overwrites) plus what breaks text protocols: spans deleted or repeated, and markup characters ({@code < > " & -}
 * and line ends) put where they do not belong. For XML there is also a structure-aware mutation on the parsed tree
 * ({@link #mutateXml}): byte mutants of an XML message mostly stop at the parser, tree mutants stay well-formed and
 * reach the code behind it. The same seed gives the same mutants on every machine.
 */
public final class Mutations {

    private static final byte[] MARKUP = {'<', '>', '"', '&', '-', '\r', '\n', '/', '=', 0};
    /** Characters that change the meaning of a value: CX delimiters, digits, separators, HL7's escape. */
    private static final String CHANGES = "^&09 .:x\\";

    private Mutations() {
    }

    public static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] m = seed.clone();
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds && m.length > 1; k++) {
            switch (r.nextInt(6)) {
                case 0 -> m = Arrays.copyOf(m, 1 + r.nextInt(m.length)); // truncated
                case 1 -> m[r.nextInt(m.length)] ^= (byte) (1 << r.nextInt(8));
                case 2 -> m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                case 3 -> m[r.nextInt(m.length)] = MARKUP[r.nextInt(MARKUP.length)];
                case 4 -> m = deleteSpan(m, r);
                default -> m = repeatSpan(m, r);
            }
        }
        return m;
    }

    private static byte[] deleteSpan(byte[] m, SplittableRandom r) {
        int from = r.nextInt(m.length);
        int to = Math.min(m.length, from + 1 + r.nextInt(64));
        byte[] out = new byte[m.length - (to - from)];
        System.arraycopy(m, 0, out, 0, from);
        System.arraycopy(m, to, out, from, m.length - to);
        return out;
    }

    private static byte[] repeatSpan(byte[] m, SplittableRandom r) {
        int from = r.nextInt(m.length);
        int len = Math.min(m.length - from, 1 + r.nextInt(256));
        byte[] out = new byte[m.length + len];
        System.arraycopy(m, 0, out, 0, from + len);
        System.arraycopy(m, from, out, from + len, m.length - from);
        return out;
    }

    /**
     * A well-formed mutant of {@code seed} (not changed): 1 to 4 of attribute values or text changed (emptied,
     * padded with whitespace, cut, a character changed, or replaced by another value of the message or one of
     * {@code values}; text goes to the element or one below it), an element repeated (the copy can be changed
     * next), removed or moved before a sibling; never the seed itself unless nothing could be changed. Half
     * the changes go to elements {@code focus} selects, the parts whose meaning the code under test decides on, and
     * a changed value is often one of {@code values}.
     */
    public static byte[] mutateXml(Document seed, List<String> values, Predicate<Element> focus, SplittableRandom r) {
        byte[] unchanged = SecureXml.toBytes(seed);
        byte[] m = unchanged;
        for (int attempt = 0; attempt < 8 && Arrays.equals(m, unchanged); attempt++) {
            m = mutateTree(seed, values, focus, r); // a change may undo itself or find nothing to change
        }
        return m;
    }

    private static byte[] mutateTree(Document seed, List<String> values, Predicate<Element> focus, SplittableRandom r) {
        Document d = (Document) seed.cloneNode(true);
        List<Element> elements = new ArrayList<>();
        List<Element> focused = new ArrayList<>();
        List<String> pool = new ArrayList<>();
        collect(d.getDocumentElement(), focus, elements, focused, pool);
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds; k++) {
            List<Element> from = focused.isEmpty() || r.nextBoolean() ? elements : focused;
            Element e = from.get(r.nextInt(from.size()));
            Node parent = e.getParentNode();
            switch (r.nextInt(6)) {
                case 0, 1 -> {
                    NamedNodeMap attrs = e.getAttributes();
                    if (attrs.getLength() > 0) {
                        Attr a = (Attr) attrs.item(r.nextInt(attrs.getLength()));
                        a.setValue(changed(a.getValue(), pool, values, r));
                    }
                }
                case 2 -> {
                    List<Element> leaves = new ArrayList<>();
                    collect(e, x -> false, leaves, new ArrayList<>(), new ArrayList<>());
                    leaves.removeIf(l -> l.hasChildNodes() && (l.getChildNodes().getLength() > 1
                            || l.getFirstChild().getNodeType() != Node.TEXT_NODE));
                    if (!leaves.isEmpty()) {
                        Element leaf = leaves.get(r.nextInt(leaves.size()));
                        leaf.setTextContent(changed(leaf.getTextContent(), pool, values, r));
                    }
                }
                case 3 -> {
                    if (parent instanceof Element) {
                        Element copy = (Element) e.cloneNode(true);
                        parent.insertBefore(copy, e.getNextSibling());
                        collect(copy, focus, elements, focused, new ArrayList<>());
                    }
                }
                case 4 -> {
                    if (parent instanceof Element) {
                        parent.removeChild(e);
                    }
                }
                default -> {
                    Node before = e.getPreviousSibling();
                    while (before != null && !(before instanceof Element)) {
                        before = before.getPreviousSibling();
                    }
                    if (before != null) {
                        parent.insertBefore(e, before);
                    }
                }
            }
        }
        return SecureXml.toBytes(d);
    }

    private static void collect(Element root, Predicate<Element> focus, List<Element> elements, List<Element> focused,
                                List<String> pool) {
        NodeList below = root.getElementsByTagName("*");
        List<Element> all = new ArrayList<>();
        all.add(root);
        for (int i = 0; i < below.getLength(); i++) {
            all.add((Element) below.item(i));
        }
        for (Element e : all) {
            elements.add(e);
            if (focus.test(e)) {
                focused.add(e);
            }
            NamedNodeMap attrs = e.getAttributes();
            for (int k = 0; k < attrs.getLength(); k++) {
                pool.add(attrs.item(k).getNodeValue());
            }
            if (e.getChildNodes().getLength() == 1 && e.getFirstChild().getNodeType() == Node.TEXT_NODE) {
                pool.add(e.getTextContent());
            }
        }
    }

    private static String changed(String v, List<String> pool, List<String> values, SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> "";
            case 1 -> (r.nextBoolean() ? " " : "\n\t") + v + (r.nextBoolean() ? " " : "");
            case 2 -> v.isEmpty() ? v : v.substring(0, r.nextInt(v.length()));
            case 3 -> {
                if (v.isEmpty()) {
                    yield "^";
                }
                char[] c = v.toCharArray();
                c[r.nextInt(c.length)] = CHANGES.charAt(r.nextInt(CHANGES.length()));
                yield new String(c);
            }
            case 4 -> pool.get(r.nextInt(pool.size()));
            default -> values.isEmpty() ? v : values.get(r.nextInt(values.size()));
        };
    }
}
