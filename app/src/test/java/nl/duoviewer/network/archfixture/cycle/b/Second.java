package nl.duoviewer.network.archfixture.cycle.b;

import nl.duoviewer.network.archfixture.cycle.a.First;

/** The other half of a deliberate package cycle (b -> a -> b). */
public final class Second {

    public int depth() {
        return First.depth(this);
    }
}
