package vn.doithoai.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import java.util.List;
import java.util.stream.Collectors;

/**
 * axe-core (Deque's rules, the engine browsers' own audits use) run inside a screen's Chromium on the
 * page as it is now. Only critical and serious violations count: those stop a person from using the
 * page (no label, unreadable contrast, no heading to find one's way).
 */
final class Accessibility {

    private static final List<String> BLOCKING = List.of("critical", "serious");

    private Accessibility() {
    }

    /** One line per blocking violation: the rule, its impact and where (CSS selectors); empty when none. */
    static List<String> blockingViolations(Screen screen) {
        Results results = new AxeBuilder().analyze(screen.driver);
        return results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(Accessibility::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        String where = rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget()))
                .limit(5)
                .collect(Collectors.joining(", "));
        return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): " + where;
    }
}
