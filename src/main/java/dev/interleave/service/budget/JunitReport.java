package dev.interleave.service.budget;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A budget as JUnit XML (the Ant/Surefire {@code testsuites} format CI systems render): one test suite, a first
 * test case saying whether the run(s) finished, then one test case per budget line; a failing line is a
 * {@code <failure>} with its message. Written with the JDK's StAX writer, so every text is escaped.
 */
public final class JunitReport {

    private JunitReport() {}

    /**
     * @param suite    the suite's name, e.g. "interleave run 3f2a… (parallel)"
     * @param finished whether every run judged succeeded
     * @param reason   why not (shown as the first case's failure); ignored when finished
     * @param budget   the judged budget; null without expectations (then only the first case)
     * @param seconds  the makespan, as the suite's time
     */
    public static String xml(String suite, boolean finished, String reason, BudgetView budget, double seconds) {
        int tests = 1 + (budget == null ? 0 : budget.checks().size());
        int failures = (finished ? 0 : 1)
                + (budget == null
                        ? 0
                        : (int) budget.checks().stream().filter(c -> !c.pass()).count());
        var out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "interleave");
            w.writeAttribute("tests", Integer.toString(tests));
            w.writeAttribute("failures", Integer.toString(failures));
            w.writeStartElement("testsuite");
            w.writeAttribute("name", suite);
            w.writeAttribute("tests", Integer.toString(tests));
            w.writeAttribute("failures", Integer.toString(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
            testcase(w, "interleave", "finished", finished ? null : reason);
            if (budget != null) {
                for (var c : budget.checks()) {
                    String scope = c.scheduler() == null ? "interleave.budget" : "interleave." + c.scheduler();
                    testcase(w, scope, name(c), c.pass() ? null : c.message());
                }
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JUnit XML could not be written", e);
        }
        return out.toString();
    }

    /** "makespanMs at most 3500 ms". */
    private static String name(BudgetView.Check c) {
        var bound = new Expectation(
                Metric.fromWireName(c.metric()).orElseThrow(),
                c.expected().min(),
                c.expected().max());
        return c.metric() + " " + bound.describe();
    }

    private static void testcase(XMLStreamWriter w, String classname, String name, String failure)
            throws XMLStreamException {
        w.writeStartElement("testcase");
        w.writeAttribute("classname", classname);
        w.writeAttribute("name", name);
        w.writeAttribute("time", "0");
        if (failure != null) {
            w.writeStartElement("failure");
            w.writeAttribute("message", failure);
            w.writeAttribute("type", "budget");
            w.writeCharacters(failure);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
}
