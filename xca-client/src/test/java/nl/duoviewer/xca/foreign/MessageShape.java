package nl.duoviewer.xca.foreign;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Test-only: the structure of a message as a receiver reads it, for comparing our requests with foreign ones. Every
 * element becomes a path of namespace-qualified names; elements a receiver tells apart by an attribute (an ebRIM
 * Slot by its name, an XACML Attributes block by its Category, an Attribute by its AttributeId) carry that value in
 * their path. Attributes become {@code path/@name}, with their value where the value is structure (codes, OIDs,
 * data types) and its kind where it is per request (UUIDs, timestamps, identifiers). Text becomes its kind. Prefixes,
 * order of siblings, whitespace, namespace declarations and {@code xml:id} are not structure.
 */
public final class MessageShape {

    private static final Set<String> KEYED = Set.of("Slot@name", "Attributes@Category", "Attribute@AttributeId");
    /** Attributes whose value is part of the structure: a receiver branches on it. */
    private static final Set<String> STRUCTURAL = Set.of("returnType", "returnComposedObjects", "Category",
            "AttributeId", "DataType", "root", "codeSystem", "assigningAuthorityName", "name", "status",
            "CombinedDecision", "ReturnPolicyIdList", "IncludeInResult", "objectType", "identificationScheme",
            "classificationScheme");

    /** Attributes that are structure on one element only: the stored query's id names the query. */
    private static final Set<String> STRUCTURAL_ON = Set.of("AdhocQuery@id");

    private static final Pattern UUID = Pattern.compile("urn:uuid:[0-9a-fA-F-]{36}");
    private static final Pattern OID = Pattern.compile("[0-2](\\.[0-9]+)+");
    private static final Pattern CX_QUOTED = Pattern.compile("'[^']*\\^\\^\\^&[0-9.]+&ISO'");
    private static final Pattern QUOTED_LIST = Pattern.compile("\\('[^']*'(,\\s*'[^']*')*\\)");

    private MessageShape() {
    }

    /** The shape of an element and everything in it. */
    public static Set<String> of(Element root) {
        Set<String> out = new TreeSet<>();
        walk(root, "", out);
        return out;
    }

    /** What {@code foreign} has that {@code ours} lacks: the structure our message would not give its receiver. */
    public static Set<String> missingFrom(Set<String> ours, Set<String> foreign) {
        Set<String> missing = new TreeSet<>(foreign);
        missing.removeAll(ours);
        return missing;
    }

    private static void walk(Element e, String parent, Set<String> out) {
        String path = parent + "/" + name(e) + key(e);
        out.add(path);
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI()) || a.getName().startsWith("xmlns")
                    || "http://www.w3.org/XML/1998/namespace".equals(a.getNamespaceURI())) {
                continue;
            }
            if (KEYED.contains(e.getLocalName() + "@" + local)) {
                continue; // already in the path
            }
            String value = STRUCTURAL.contains(local) || STRUCTURAL_ON.contains(e.getLocalName() + "@" + local)
                    ? a.getValue() : kind(a.getValue());
            out.add(path + "/@" + (a.getNamespaceURI() == null ? "" : "{" + a.getNamespaceURI() + "}") + local
                    + "=" + value);
        }
        boolean hasElements = false;
        StringBuilder text = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                hasElements = true;
                walk(c, path, out);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        if (!hasElements && !text.toString().isBlank()) {
            out.add(path + "/text()=" + kind(text.toString()));
        }
    }

    private static String name(Element e) {
        return "{" + (e.getNamespaceURI() == null ? "" : e.getNamespaceURI()) + "}" + e.getLocalName();
    }

    private static String key(Element e) {
        for (String k : KEYED) {
            String[] parts = k.split("@");
            if (parts[0].equals(e.getLocalName()) && e.hasAttribute(parts[1])) {
                return "[" + e.getAttribute(parts[1]) + "]";
            }
        }
        return "";
    }

    /** The kind of a per-request value. */
    static String kind(String value) {
        String v = value.strip();
        if (UUID.matcher(v).matches()) {
            return "<uuid>";
        }
        if (v.startsWith("urn:oid:") && OID.matcher(v.substring(8)).matches()) {
            return "<urn:oid>";
        }
        if (OID.matcher(v).matches()) {
            return "<oid>";
        }
        if (CX_QUOTED.matcher(v).matches()) {
            return "<quoted CX>";
        }
        if (QUOTED_LIST.matcher(v).matches()) {
            return "<quoted list>";
        }
        if (v.startsWith("urn:") || v.startsWith("http")) {
            return v; // actions, status and type URNs are structure
        }
        return "<text>";
    }
}
