package nl.duoviewer.ehr.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilder;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;

/**
 * The sandbox's FHIR R4 server: HAPI FHIR's {@link RestfulServer} serving the directory read-only, behind bearer
 * tokens from the {@link AuthorizationServer}. HAPI's {@link AuthorizationInterceptor} enforces the token's scopes:
 * {@code patient/Patient.read} opens the launch's patient and no other, {@code user/Practitioner.read} and
 * {@code user/PractitionerRole.read} the user directory; everything else is forbidden (403). A missing, unknown or
 * expired token is a 401 with an RFC 6750 {@code WWW-Authenticate} header.
 */
final class SandboxFhirServer extends RestfulServer {
    private static final long serialVersionUID = 1L;

    SandboxFhirServer(FhirContext fhir, SandboxDirectory directory, AuthorizationServer auth,
                      SandboxCounters counters) {
        super(fhir);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        List<IResourceProvider> providers = new ArrayList<>();
        providers.add(new PatientProvider(directory.patients()));
        providers.add(new PractitionerProvider(directory.practitioners()));
        providers.add(new PractitionerRoleProvider(directory.roles()));
        setResourceProviders(providers);
        registerInterceptor(new ScopeRules(auth, counters));
    }

    private static <T extends IBaseResource> T read(Map<String, T> all, String type, IdType id) {
        T found = all.get(id.getIdPart());
        if (found == null) {
            throw new ResourceNotFoundException(new IdType(type, id.getIdPart()));
        }
        return found;
    }

    /** Patients, by id. */
    public static final class PatientProvider implements IResourceProvider {
        private final Map<String, Patient> all;

        PatientProvider(Map<String, Patient> all) {
            this.all = all;
        }

        @Override
        public Class<Patient> getResourceType() {
            return Patient.class;
        }

        @Read
        public Patient read(@IdParam IdType id) {
            return SandboxFhirServer.read(all, "Patient", id).copy();
        }
    }

    /** Practitioners, by id. */
    public static final class PractitionerProvider implements IResourceProvider {
        private final Map<String, Practitioner> all;

        PractitionerProvider(Map<String, Practitioner> all) {
            this.all = all;
        }

        @Override
        public Class<Practitioner> getResourceType() {
            return Practitioner.class;
        }

        @Read
        public Practitioner read(@IdParam IdType id) {
            return SandboxFhirServer.read(all, "Practitioner", id).copy();
        }
    }

    /** Practitioner roles, by id and by practitioner. */
    public static final class PractitionerRoleProvider implements IResourceProvider {
        private final Map<String, PractitionerRole> all;

        PractitionerRoleProvider(Map<String, PractitionerRole> all) {
            this.all = all;
        }

        @Override
        public Class<PractitionerRole> getResourceType() {
            return PractitionerRole.class;
        }

        @Read
        public PractitionerRole read(@IdParam IdType id) {
            return SandboxFhirServer.read(all, "PractitionerRole", id).copy();
        }

        @Search
        public List<PractitionerRole> byPractitioner(
                @RequiredParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceParam practitioner) {
            String wanted = practitioner.getIdPart();
            return all.values().stream()
                    .filter(r -> wanted.equals(r.getPractitioner().getReferenceElement().getIdPart()))
                    .map(PractitionerRole::copy)
                    .toList();
        }
    }

    /** Bearer token check and scope rules, per request. */
    static final class ScopeRules extends AuthorizationInterceptor {
        private final AuthorizationServer auth;
        private final SandboxCounters counters;

        ScopeRules(AuthorizationServer auth, SandboxCounters counters) {
            this.auth = auth;
            this.counters = counters;
        }

        @Override
        public List<IAuthRule> buildRuleList(RequestDetails request) {
            if (request.getRestOperationType() == RestOperationTypeEnum.METADATA) {
                return new RuleBuilder().allow().metadata().build();
            }
            counters.fhir(request.getResourceName());
            String header = request.getHeader("Authorization");
            String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).strip() : null;
            AuthorizationServer.Grant grant = auth.grant(token).orElseThrow(() -> unauthorized(
                    token == null ? null : "invalid_token", "no valid access token"));
            if (auth.expired(grant)) {
                throw unauthorized("invalid_token", "The access token expired");
            }
            IAuthRuleBuilder rules = new RuleBuilder();
            if (grant.allows("Patient", "patient")) {
                rules.allow("the launch's patient").read().instance(new IdType("Patient", grant.patientId()))
                        .andThen();
            }
            if (grant.allows("Practitioner", "user")) {
                rules.allow("the user directory").read().resourcesOfType(Practitioner.class).withAnyId().andThen();
            }
            if (grant.allows("PractitionerRole", "user")) {
                rules.allow("the user's roles").read().resourcesOfType(PractitionerRole.class).withAnyId()
                        .andThen();
            }
            return rules.denyAll("not within the access token's scopes").build();
        }

        private static AuthenticationException unauthorized(String error, String description) {
            AuthenticationException e = new AuthenticationException(description);
            e.addResponseHeader("WWW-Authenticate", error == null ? "Bearer realm=\"sandbox\""
                    : "Bearer realm=\"sandbox\", error=\"" + error + "\", error_description=\"" + description + "\"");
            return e;
        }
    }
}
