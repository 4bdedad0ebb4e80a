package com.twelvestreet.systemtests.bench;

/** The benchmarks' command-line options: {@code --name value}. */
public final class Options {

    private Options() {
    }

    public static int integer(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
