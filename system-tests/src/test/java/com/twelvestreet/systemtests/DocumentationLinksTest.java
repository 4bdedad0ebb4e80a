package com.twelvestreet.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link in the README and the docs points at a file or folder that exists. */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
    private final Path root = Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = { "README.md", "docs/architecture.md", "docs/benchmarks.md", "docs/drills.md" })
    void shouldOnlyLinkToFilesThatExist(String document) throws IOException {
        Path file = root.resolve(document);
        List<String> broken = new ArrayList<>();
        Matcher links = LINK.matcher(Files.readString(file));
        while (links.find()) {
            String target = links.group(1);
            if (!target.contains("://") && !target.startsWith("mailto:") && !Files.exists(file.getParent().resolve(target))) {
                broken.add(target);
            }
        }
        assertThat(broken).as("broken links in " + document).isEmpty();
    }
}
