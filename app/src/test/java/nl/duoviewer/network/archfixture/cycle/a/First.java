package nl.duoviewer.network.archfixture.cycle.a;

import nl.duoviewer.network.archfixture.cycle.b.Second;

/** Half of a deliberate package cycle (a -> b -> a), so the architecture test can prove the cycle rule fails. */
public final class First {

    private First() {
    }

    public static int depth(Second s) {
        return s.hashCode();
    }
}
