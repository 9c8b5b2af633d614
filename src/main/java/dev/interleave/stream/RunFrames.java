package dev.interleave.stream;

import dev.interleave.service.RunViews;
import dev.interleave.service.view.RunView;
import java.util.LinkedHashMap;

/** The {@code run} and {@code summary} frames of a run stream: {@code {"frame":type,"runId":...,"run":{...}}}. */
final class RunFrames {

    private RunFrames() {}

    static String write(RunViews views, String type, String runId, RunView run) {
        var frame = new LinkedHashMap<String, Object>();
        frame.put("frame", type);
        frame.put("runId", runId);
        frame.put("run", run);
        return views.write(frame);
    }
}
