package nl.duoviewer.bench.inputs;

import java.nio.file.Path;

/**
 * Command line for the input builder used by {@code benchmarks/compare-decoders.sh}:
 * <pre>
 *   volume DIR FRAMES [SIZE]     native CT volume and SIZE x SIZE start-up images (default 16)
 *   htj2k NATIVE.dcm OUT.dcm lossless|lossy
 *   repeat NATIVE.dcm OUT.dcm FRAMES   a real frame repeated into a multi-frame object
 * </pre>
 */
public final class BuildInputs {

    private BuildInputs() {
    }

    public static void main(String[] args) throws Exception {
        if ((args.length == 3 || args.length == 4) && args[0].equals("volume")) {
            VolumeInputs.write(Path.of(args[1]), Integer.parseInt(args[2]),
                    args.length == 4 ? Integer.parseInt(args[3]) : VolumeInputs.DEFAULT_TINY);
        } else if (args.length == 4 && args[0].equals("htj2k")
                && (args[3].equals("lossless") || args[3].equals("lossy"))) {
            Path out = Path.of(args[2]).toAbsolutePath();
            HtJ2kInputs.encode(Path.of(args[1]), out, args[3].equals("lossless"));
        } else if (args.length == 4 && args[0].equals("repeat")) {
            RepeatedFrames.write(Path.of(args[1]), Path.of(args[2]).toAbsolutePath(), Integer.parseInt(args[3]));
        } else {
            System.err.println("usage: BuildInputs volume DIR FRAMES [SIZE] | htj2k NATIVE.dcm OUT.dcm lossless|lossy"
                    + " | repeat NATIVE.dcm OUT.dcm FRAMES");
            System.exit(2);
        }
    }
}
