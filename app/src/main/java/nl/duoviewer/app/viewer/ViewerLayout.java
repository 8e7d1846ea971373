package nl.duoviewer.app.viewer;

/** How many viewports the viewer shows, in rows and columns. */
public enum ViewerLayout {
    ONE_BY_ONE(1, 1),
    ONE_BY_TWO(1, 2),
    TWO_BY_TWO(2, 2);

    private final int rows;
    private final int columns;

    ViewerLayout(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int viewports() {
        return rows * columns;
    }
}
