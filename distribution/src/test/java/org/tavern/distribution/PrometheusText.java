package org.tavern.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * /metrics read with the Prometheus project's own text-format parser (prometheus_client's, from
 * Debian's python3-prometheus-client): each sample as {@code name{label="value",...}} (labels sorted)
 * to its value. A line the parser refuses fails the test.
 */
final class PrometheusText {

    static final String PYTHON = "/usr/bin/python3";
    private static final String PARSE = String.join("\n",
            "import sys",
            "from prometheus_client.parser import text_string_to_metric_families",
            "for family in text_string_to_metric_families(sys.stdin.read()):",
            "    for s in family.samples:",
            "        labels = ','.join('%s=\"%s\"' % (k, v) for k, v in sorted(s.labels.items()))",
            "        print('%s{%s}\\t%r' % (s.name, labels, s.value))");

    private PrometheusText() {
    }

    static Map<String, Double> parse(String exposition) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PYTHON, "-c", PARSE).redirectErrorStream(true).start();
        process.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("the Prometheus parser refused /metrics:\n" + output);
        }
        Map<String, Double> samples = new TreeMap<>();
        for (String line : output.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                samples.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
            }
        }
        return samples;
    }
}
