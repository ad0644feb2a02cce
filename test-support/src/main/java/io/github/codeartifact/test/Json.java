package io.github.codeartifact.test;

import java.util.Map;

/**
 * Writes the few flat JSON objects the emulator answers with.
 */
final class Json {

	private Json() {
	}

	/**
	 * Writes an object whose values are strings (quoted) or numbers (verbatim).
	 * @param members the members in output order
	 * @return the JSON text
	 */
	static String object(Map<String, ?> members) {
		StringBuilder json = new StringBuilder("{");
		for (Map.Entry<String, ?> member : members.entrySet()) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(quote(member.getKey())).append(':');
			Object value = member.getValue();
			json.append((value instanceof Number || value instanceof JsonNumber) ? value.toString()
					: quote(String.valueOf(value)));
		}
		return json.append('}').toString();
	}

	static String quote(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	/**
	 * A number already formatted as JSON.
	 *
	 * @param text the number text
	 */
	record JsonNumber(String text) {

		@Override
		public String toString() {
			return this.text;
		}

	}

}
