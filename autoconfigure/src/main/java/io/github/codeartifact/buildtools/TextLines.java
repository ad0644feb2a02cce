package io.github.codeartifact.buildtools;

import java.util.ArrayList;
import java.util.List;

/**
 * A text split into lines by position, so that an edit replaces or inserts exactly the characters
 * it means to and keeps the rest, including CRLF line ends and a missing final newline.
 */
final class TextLines {

	private TextLines() {
	}

	/**
	 * One line.
	 *
	 * @param start offset of its first character
	 * @param end offset after its last character, before the line end
	 * @param next offset after its line end (the end of the text for the last line without one)
	 */
	record Line(int start, int end, int next) {

		String text(String content) {
			return content.substring(this.start, this.end);
		}

	}

	static List<Line> of(String content) {
		List<Line> lines = new ArrayList<>();
		int start = 0;
		while (start < content.length()) {
			int newline = content.indexOf('\n', start);
			if (newline < 0) {
				lines.add(new Line(start, content.length(), content.length()));
				break;
			}
			int end = (newline > start && content.charAt(newline - 1) == '\r') ? newline - 1 : newline;
			lines.add(new Line(start, end, newline + 1));
			start = newline + 1;
		}
		return lines;
	}

	/** Returns the file's line end: CRLF when its first line ends so, else LF. */
	static String separator(String content) {
		int newline = content.indexOf('\n');
		return (newline > 0 && content.charAt(newline - 1) == '\r') ? "\r\n" : "\n";
	}

	/**
	 * Returns the content with text inserted at an offset where a line starts or the text ends,
	 * adding the line end the content lacks before it.
	 */
	static String insertLines(String content, int offset, String lines) {
		String before = content.substring(0, offset);
		String gap = (!before.isEmpty() && !before.endsWith("\n")) ? separator(content) : "";
		return before + gap + lines + content.substring(offset);
	}

	/** Returns the content without the characters from start to end. */
	static String cut(String content, int start, int end) {
		return content.substring(0, start) + content.substring(end);
	}

	/** Returns the content with the characters from start to end replaced. */
	static String replace(String content, int start, int end, String replacement) {
		return content.substring(0, start) + replacement + content.substring(end);
	}

}
