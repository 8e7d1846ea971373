package nl.duoviewer.core.patient;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

/**
 * Name, birth date and sex of a patient as far as the sources agree on them. Only sources that name this patient's BSN
 * count; a source naming another BSN makes everything disagree (a registry that mixes up people is trusted for
 * nothing). Each part is decided on its own: all sources that give it must give the same value, otherwise it is
 * {@link Agreement#DISAGREE} and nothing is shown rather than a guess.
 */
public record AgreedDemographics(Agreed<String> name, Agreed<LocalDate> birthDate, Agreed<Sex> sex) {

    /** How a part came out. */
    public enum Agreement {
        /** No counted source gave it. */
        NONE,
        /** Every counted source that gave it gave the same value. */
        AGREE,
        /** Counted sources gave different values. */
        DISAGREE
    }

    /**
     * One part of the demographics.
     *
     * @param value the agreed value; null unless {@link Agreement#AGREE}
     */
    public record Agreed<T>(Agreement agreement, T value) {

        public Agreed {
            Objects.requireNonNull(agreement, "agreement");
            if ((agreement == Agreement.AGREE) != (value != null)) {
                throw new IllegalArgumentException("a value exactly when the sources agree");
            }
        }

        static <T> Agreed<T> none() {
            return new Agreed<>(Agreement.NONE, null);
        }

        static <T> Agreed<T> disagree() {
            return new Agreed<>(Agreement.DISAGREE, null);
        }
    }

    /** Nothing known. */
    public static final AgreedDemographics NONE = new AgreedDemographics(Agreed.none(), Agreed.none(),
            Agreed.none());

    /** What the sources agree on about {@code patient}. */
    public static AgreedDemographics of(Bsn patient, Collection<SourcePatientInfo> infos) {
        Objects.requireNonNull(patient, "patient");
        boolean any = false;
        for (SourcePatientInfo info : infos) {
            if (info.bsn() == null) {
                continue; // names no BSN: cannot be tied to this patient
            }
            if (!info.bsn().equals(patient)) {
                return new AgreedDemographics(Agreed.disagree(), Agreed.disagree(), Agreed.disagree());
            }
            any = true;
        }
        if (!any) {
            return NONE;
        }
        var counted = infos.stream().filter(i -> patient.equals(i.bsn())).toList();
        Agreed<String> name = agree(counted, SourcePatientInfo::comparableName);
        // show the first source's spelling of the name they all agree on
        if (name.agreement() == Agreement.AGREE) {
            name = new Agreed<>(Agreement.AGREE, counted.stream().map(SourcePatientInfo::displayName)
                    .filter(Objects::nonNull).findFirst().orElseThrow());
        }
        return new AgreedDemographics(name, agree(counted, SourcePatientInfo::birthDate),
                agree(counted, i -> i.sex() == Sex.UNKNOWN ? null : i.sex())); // "unknown" is no claim
    }

    private static <T> Agreed<T> agree(Collection<SourcePatientInfo> infos, Function<SourcePatientInfo, T> part) {
        T agreed = null;
        for (SourcePatientInfo info : infos) {
            T v = part.apply(info);
            if (v == null) {
                continue;
            }
            if (agreed == null) {
                agreed = v;
            } else if (!agreed.equals(v)) {
                return Agreed.disagree();
            }
        }
        return agreed == null ? Agreed.none() : new Agreed<>(Agreement.AGREE, agreed);
    }
}
