package dev.interleave.stream;

import dev.interleave.service.view.RunView;
import dev.interleave.service.view.RunViews;
import java.util.LinkedHashMap;

/** The JSON frames of the streams, each {@code {"frame":type,...}} with its fields in a fixed order. */
final class Frames {

    private Frames() {}

    /** {@code {"frame":type,"runId":...,"run":{...}}}: a run stream's {@code run} and {@code summary} frames. */
    static String run(RunViews views, String type, String runId, RunView run) {
        var frame = start(type);
        frame.put("runId", runId);
        frame.put("run", run);
        return views.write(frame);
    }

    /** {@code {"frame":type,"comparison":{...}}}: a comparison stream's first and last frames. */
    static String comparison(RunViews views, String type, Object comparison) {
        var frame = start(type);
        frame.put("comparison", comparison);
        return views.write(frame);
    }

    private static LinkedHashMap<String, Object> start(String type) {
        var frame = new LinkedHashMap<String, Object>();
        frame.put("frame", type);
        return frame;
    }
}
