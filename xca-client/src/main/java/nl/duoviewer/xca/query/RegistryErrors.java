package nl.duoviewer.xca.query;

import java.util.ArrayList;
import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryError;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryErrorList;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;

/** Reads the RegistryErrorList of any ebXML response as sent, without interpreting the codes. */
public final class RegistryErrors {

    private RegistryErrors() {
    }

    public static List<nl.duoviewer.xca.query.RegistryError> of(RegistryResponseType response) {
        List<nl.duoviewer.xca.query.RegistryError> out = new ArrayList<>();
        RegistryErrorList list = response == null ? null : response.getRegistryErrorList();
        if (list != null) {
            for (RegistryError e : list.getRegistryError()) {
                String sev = e.getSeverity() == null ? "" : e.getSeverity();
                out.add(new nl.duoviewer.xca.query.RegistryError(e.getErrorCode(), e.getCodeContext(),
                        sev.substring(sev.lastIndexOf(':') + 1), e.getLocation()));
            }
        }
        return out;
    }

    /** The distinct codes, comma-separated, for user messages. */
    public static String codes(List<nl.duoviewer.xca.query.RegistryError> errors) {
        return String.join(", ", errors.stream().map(nl.duoviewer.xca.query.RegistryError::code)
                .filter(c -> !c.isBlank()).distinct().toList());
    }
}
