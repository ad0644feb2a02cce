package io.github.codeartifact.buildtools;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * The rules for the user's {@code gradle.properties}: one {@code codeartifactToken=} line, the
 * property AWS's Gradle instructions read, when a Maven repository is configured. The file is read
 * as {@link java.util.Properties} does: ISO-8859-1, {@code #} and {@code !} comments, {@code =},
 * {@code :} or white space after the key, a trailing backslash continuing the entry.
 */
final class GradlePropertiesEditor implements LoginFileEditor {

	/** The property AWS's Gradle instructions read. */
	static final String KEY = "codeartifactToken";

	@Override
	public String write(String content, List<ResolvedRepository> repositories, String token) {
		if (BuildToolConfigFiles.of(repositories, PackageFormat.MAVEN).isEmpty()) {
			return content;
		}
		return KeyedLines.set(content, entries(content), GradlePropertiesEditor::keyOf, KEY, KEY + "=" + token,
				content.length());
	}

	@Override
	public String remove(String content, List<ResolvedRepository> repositories) {
		return KeyedLines.remove(content, entries(content), GradlePropertiesEditor::keyOf, KEY, (line) -> true);
	}

	@Override
	public Charset charset() {
		return StandardCharsets.ISO_8859_1;
	}

	/** The logical lines: a line ending in an odd number of backslashes continues on the next. */
	private static List<TextLines.Line> entries(String content) {
		List<TextLines.Line> lines = TextLines.of(content);
		List<TextLines.Line> entries = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			TextLines.Line first = lines.get(i);
			TextLines.Line last = first;
			boolean comment = isComment(first.text(content));
			while (!comment && continues(last.text(content)) && i + 1 < lines.size()) {
				last = lines.get(++i);
			}
			entries.add(new TextLines.Line(first.start(), last.end(), last.next()));
		}
		return entries;
	}

	private static boolean isComment(String line) {
		String stripped = line.stripLeading();
		return stripped.startsWith("#") || stripped.startsWith("!");
	}

	private static boolean continues(String line) {
		int backslashes = 0;
		for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
			backslashes++;
		}
		return backslashes % 2 == 1;
	}

	private static @Nullable String keyOf(String line) {
		String stripped = line.stripLeading();
		if (stripped.isEmpty() || isComment(stripped)) {
			return null;
		}
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			if (c == '\\' && i + 1 < stripped.length()) {
				key.append(stripped.charAt(++i));
			}
			else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
				break;
			}
			else {
				key.append(c);
			}
		}
		return key.toString();
	}

}
