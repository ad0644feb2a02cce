package io.github.codeartifact.buildtools;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Line-based files of {@code key=value} lines ({@code .npmrc}, {@code gradle.properties}): sets
 * or removes the lines of one key and keeps every other line as it is.
 */
final class KeyedLines {

	private KeyedLines() {
	}

	/**
	 * Sets a key: its first line becomes {@code line}, later lines of the same key (which would
	 * win over it) are removed; without one, {@code line} is inserted at {@code insertAt}.
	 * @param content the file
	 * @param lines its lines, whole entries (continuations joined)
	 * @param keyOf the key of a line's text, {@code null} for a comment or blank line
	 * @param key the key to set
	 * @param line the whole new line, without line end
	 * @param insertAt where a missing line goes: a line start or the end
	 * @return the new content
	 */
	static String set(String content, List<TextLines.Line> lines, Function<String, @Nullable String> keyOf,
			String key, String line, int insertAt) {
		List<TextLines.Line> matching = lines.stream()
			.filter((candidate) -> key.equals(keyOf.apply(candidate.text(content))))
			.toList();
		if (matching.isEmpty()) {
			return TextLines.insertLines(content, insertAt, line + TextLines.separator(content));
		}
		String edited = content;
		for (int i = matching.size() - 1; i > 0; i--) {
			edited = TextLines.cut(edited, matching.get(i).start(), matching.get(i).next());
		}
		return TextLines.replace(edited, matching.get(0).start(), matching.get(0).end(), line);
	}

	/**
	 * Removes the lines of a key whose text passes a test.
	 * @param content the file
	 * @param lines its lines
	 * @param keyOf the key of a line's text
	 * @param key the key
	 * @param remove which of its lines to remove, by their text
	 * @return the new content
	 */
	static String remove(String content, List<TextLines.Line> lines, Function<String, @Nullable String> keyOf,
			String key, Predicate<String> remove) {
		String edited = content;
		for (int i = lines.size() - 1; i >= 0; i--) {
			TextLines.Line candidate = lines.get(i);
			String text = candidate.text(content);
			if (key.equals(keyOf.apply(text)) && remove.test(text)) {
				edited = TextLines.cut(edited, candidate.start(), candidate.next());
			}
		}
		return edited;
	}

}
