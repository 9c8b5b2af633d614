package dev.interleave.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.interleave.service.budget.BudgetView;
import dev.interleave.service.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One graph run on several schedulers one after another; status is that of the comparison as a whole,
 * and the verdict (once every run has ended) compares them; the budget judges every run against {@code expect}. */
public record ComparisonView(
        @JsonInclude(JsonInclude.Include.NON_NULL) String kind,
        String id,
        String status,
        String graphId,
        Instant createdAt,
        List<RunView> runs,
        Map<String, String> links,
        @JsonInclude(JsonInclude.Include.NON_NULL) Verdict verdict,
        @JsonInclude(JsonInclude.Include.NON_NULL) BudgetView budget) {

    public ComparisonView asKind(String newKind) {
        return new ComparisonView(newKind, id, status, graphId, createdAt, runs, links, verdict, budget);
    }
}
