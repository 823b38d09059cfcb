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

    /** Fails with the violations' list when axe-core finds a critical or serious one on the page as it is now. */
    static void assertNoBlockingViolation(Screen screen, String moment) {
        org.assertj.core.api.Assertions.assertThat(blockingViolations(screen))
                .as("%s (%s): critical or serious axe-core violations", screen.name, moment)
                .isEmpty();
    }

    /** Nothing wider than a phone of {@code width} px: no sideways scrolling. */
    static void assertFitsTheWidth(Screen screen, String what, int width) {
        org.assertj.core.api.Assertions.assertThat(((Number) screen.js("return document.documentElement.scrollWidth")).intValue())
                .as(what).isLessThanOrEqualTo(width);
    }
}
