package io.github.codeartifact.buildtools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An INI file ({@code pip.conf}, {@code .pypirc}) read by position, with the rules of Python's
 * {@code configparser} that pip and twine use: {@code [section]} headers, {@code key = value} or
 * {@code key: value}, full-line {@code #} and {@code ;} comments, indented continuation lines,
 * keys compared in lower case, and (strict mode) no section and no key twice. A file that
 * {@code configparser} would refuse is refused here too, so it is never edited.
 */
final class IniFile {

	private final String content;

	private final List<Section> sections;

	private IniFile(String content, List<Section> sections) {
		this.content = content;
		this.sections = sections;
	}

	/**
	 * One entry.
	 *
	 * @param key the key in lower case
	 * @param start offset of its line
	 * @param valueStart offset of its value on the key line (after the delimiter and spaces)
	 * @param end offset after its last (continuation) line, before the line end
	 * @param next offset after that line's end
	 */
	record Entry(String key, int start, int valueStart, int end, int next) {
	}

	/**
	 * One section.
	 *
	 * @param name its name as written
	 * @param start offset of its header line
	 * @param headerNext offset after its header line's end
	 * @param next offset where the next section starts, or the end of the file
	 * @param entries its entries
	 */
	record Section(String name, int start, int headerNext, int next, List<Entry> entries) {

		@Nullable Entry entry(String... keys) {
			for (Entry entry : this.entries) {
				for (String key : keys) {
					if (entry.key().equals(key)) {
						return entry;
					}
				}
			}
			return null;
		}

		/** Where a new entry goes: after the last entry, else after the header. */
		int insertAt() {
			return this.entries.isEmpty() ? this.headerNext : this.entries.get(this.entries.size() - 1).next();
		}

	}

	static IniFile parse(String content, String fileName) {
		List<Section> sections = new ArrayList<>();
		Set<String> sectionNames = new HashSet<>();
		String name = null;
		int sectionStart = 0;
		int headerNext = 0;
		List<Entry> entries = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		Entry current = null;
		List<TextLines.Line> lines = TextLines.of(content);
		for (int number = 1; number <= lines.size(); number++) {
			TextLines.Line line = lines.get(number - 1);
			String text = line.text(content);
			String stripped = text.strip();
			if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
				continue;
			}
			boolean indented = Character.isWhitespace(text.charAt(0));
			if (indented && current != null) {
				current = new Entry(current.key(), current.start(), current.valueStart(), line.end(), line.next());
				entries.set(entries.size() - 1, current);
				continue;
			}
			if (stripped.startsWith("[") && stripped.endsWith("]") && stripped.length() > 2) {
				if (name != null) {
					sections.add(new Section(name, sectionStart, headerNext, line.start(), List.copyOf(entries)));
				}
				name = stripped.substring(1, stripped.length() - 1);
				if (!sectionNames.add(name)) {
					throw unparseable(fileName, "section [" + name + "] appears twice (line " + number + ")",
							"merge the two [" + name + "] sections into one");
				}
				sectionStart = line.start();
				headerNext = line.next();
				entries = new ArrayList<>();
				keys = new HashSet<>();
				current = null;
				continue;
			}
			int delimiter = delimiter(text);
			if (delimiter <= 0 || text.substring(0, delimiter).isBlank()) {
				throw unparseable(fileName, "line " + number + " is neither a [section], a 'key = value' entry, "
						+ "a comment nor an indented continuation", "correct or remove line " + number);
			}
			if (name == null) {
				throw unparseable(fileName, "line " + number + " has an entry before the first [section] header",
						"put a section header such as [global] above it");
			}
			String key = text.substring(0, delimiter).strip().toLowerCase(Locale.ROOT);
			if (!keys.add(key)) {
				throw unparseable(fileName, "key '" + key + "' appears twice in section [" + name + "] (line "
						+ number + ")", "remove one of the two '" + key + "' entries");
			}
			int valueStart = delimiter + 1;
			while (valueStart < text.length() && Character.isWhitespace(text.charAt(valueStart))) {
				valueStart++;
			}
			current = new Entry(key, line.start(), line.start() + valueStart, line.end(), line.next());
			entries.add(current);
		}
		if (name != null) {
			sections.add(new Section(name, sectionStart, headerNext, content.length(), List.copyOf(entries)));
		}
		return new IniFile(content, List.copyOf(sections));
	}

	private static int delimiter(String line) {
		int equals = line.indexOf('=');
		int colon = line.indexOf(':');
		if (equals < 0) {
			return colon;
		}
		return (colon < 0) ? equals : Math.min(equals, colon);
	}

	private static UnparseableLoginFileException unparseable(String fileName, String problem, String fix) {
		return new UnparseableLoginFileException(fileName + " is not a file Python's configparser reads: " + problem,
				"Fix the file: " + fix + ". Until then it is left as it is.");
	}

	String content() {
		return this.content;
	}

	@Nullable Section section(String name) {
		return this.sections.stream().filter((section) -> section.name().equals(name)).findFirst().orElse(null);
	}

	/** Returns the value of an entry: the key line's rest and its continuation lines, as written. */
	String value(Entry entry) {
		return this.content.substring(entry.valueStart(), entry.end());
	}

	/** Returns the content with an entry's value replaced, its continuation lines included. */
	String withValue(Entry entry, String value) {
		return TextLines.replace(this.content, entry.valueStart(), entry.end(), value);
	}

	/** Returns the content without an entry, its continuation lines included. */
	String without(Entry entry) {
		return TextLines.cut(this.content, entry.start(), entry.next());
	}

	/** Returns the content with an entry ({@code key = value} and any continuation lines) added to a section. */
	String withEntry(Section section, String entry) {
		return TextLines.insertLines(this.content, section.insertAt(), entry + TextLines.separator(this.content));
	}

	/**
	 * One white-space separated word of a value, as pip reads {@code extra-index-url} and twine
	 * {@code index-servers}.
	 *
	 * @param text the word
	 * @param start its offset in the file
	 * @param end the offset after it
	 */
	record Word(String text, int start, int end) {
	}

	List<Word> words(Entry entry) {
		List<Word> words = new ArrayList<>();
		int i = entry.valueStart();
		while (i < entry.end()) {
			while (i < entry.end() && Character.isWhitespace(this.content.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < entry.end() && !Character.isWhitespace(this.content.charAt(i))) {
				i++;
			}
			if (i > start) {
				words.add(new Word(this.content.substring(start, i), start, i));
			}
		}
		return words;
	}

	/** Returns the content with a word replaced. */
	String withWord(Word word, String replacement) {
		return TextLines.replace(this.content, word.start(), word.end(), replacement);
	}

	/** Returns the content with a word added to an entry's value on a continuation line of its own. */
	String withWordAppended(Entry entry, String word) {
		return TextLines.replace(this.content, entry.end(), entry.end(),
				TextLines.separator(this.content) + "    " + word);
	}

	/**
	 * Returns the content without a word of an entry: its continuation line when the word stands
	 * alone on one, else the word and the blanks before it.
	 */
	String withoutWord(Entry entry, Word word) {
		int lineStart = this.content.lastIndexOf('\n', word.start() - 1) + 1;
		TextLines.Line line = TextLines.of(this.content.substring(lineStart)).get(0);
		int lineEnd = lineStart + line.end();
		if (lineStart > entry.start() && this.content.substring(lineStart, word.start()).isBlank()
				&& this.content.substring(word.end(), lineEnd).isBlank()) {
			return TextLines.cut(this.content, lineStart, lineStart + line.next());
		}
		int start = word.start();
		while (start > entry.valueStart() && this.content.charAt(start - 1) != '\n'
				&& Character.isWhitespace(this.content.charAt(start - 1))) {
			start--;
		}
		return TextLines.cut(this.content, start, word.end());
	}

	/** Returns the content with a section added at the end. */
	String withSection(String name, List<String> entries) {
		String separator = TextLines.separator(this.content);
		StringBuilder section = new StringBuilder("[").append(name).append(']').append(separator);
		entries.forEach((entry) -> section.append(entry).append(separator));
		return TextLines.insertLines(this.content, this.content.length(), section.toString());
	}

}
