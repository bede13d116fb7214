package io.notifications.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/embedded-testing.md shows its recipes and fixtures as the files the build runs:
 * each fenced block after a {@code <!-- file: path -->} marker must be that file, byte
 * for byte, so the documented recipes cannot drift from the tested ones.
 */
class EmbeddedTestingDocTests {

	static final Path DOC = Path.of("docs/embedded-testing.md");

	static final Pattern INCLUDED = Pattern.compile("<!-- file: (\\S+) -->\\n```\\w*\\n(.*?)```\\n", Pattern.DOTALL);

	@Test
	void everyIncludedBlockIsItsFileVerbatim() throws IOException {
		Map<String, String> blocks = new LinkedHashMap<>();
		Matcher included = INCLUDED.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
		while (included.find()) {
			blocks.put(included.group(1), included.group(2));
		}
		assertThat(blocks.keySet()).containsExactly("src/test/resources/recipes/fixtures.json",
				"src/test/java/io/notifications/recipes/NotificationsServerIT.java",
				"src/test/resources/recipes/test_notifications.py",
				"src/test/resources/recipes/notifications.test.mjs");
		blocks.forEach((file, block) -> assertThat(block).as(file).isEqualTo(read(Path.of(file))));
	}

	@Test
	void theDocumentedRecipesAreTheOnesTheBuildRuns() throws IOException {
		try (var recipes = Files.list(Path.of("src/test/resources/recipes"))) {
			List<String> files = recipes.map((path) -> path.toString().replace('\\', '/')).sorted().toList();
			assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
				.contains(files.stream().map((file) -> "<!-- file: " + file + " -->").toList());
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
