package io.github.codeartifact.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes the JSON the emulator answers with.
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

	/**
	 * Writes a value of nested maps (objects, in their order), lists, strings, numbers,
	 * booleans and {@code null}.
	 * @param value the value
	 * @return the JSON text
	 */
	static String write(@Nullable Object value) {
		StringBuilder json = new StringBuilder();
		write(json, value);
		return json.toString();
	}

	private static void write(StringBuilder json, @Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			json.append('{');
			String separator = "";
			for (Map.Entry<?, ?> member : map.entrySet()) {
				json.append(separator).append(quote(String.valueOf(member.getKey()))).append(':');
				write(json, member.getValue());
				separator = ",";
			}
			json.append('}');
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			String separator = "";
			for (Object element : list) {
				json.append(separator);
				write(json, element);
				separator = ",";
			}
			json.append(']');
		}
		else if (value == null || value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else {
			json.append(quote(value.toString()));
		}
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
