package io.github.codeartifact.buildtools;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The elements of a well-formed XML document by position: where each start tag, content and end
 * tag begins and ends, so that an edit changes exactly the characters it means to. Well-formedness
 * is checked first by the JDK's parser (no doctype, so no entities beyond XML's own); the positions
 * come from a scan that skips comments, processing instructions and CDATA sections.
 */
final class XmlElements {

	private XmlElements() {
	}

	/**
	 * One element.
	 *
	 * @param name its local name (without a prefix)
	 * @param start offset of {@code <}
	 * @param contentStart offset after its start tag's {@code >}
	 * @param contentEnd offset of its end tag's {@code <} (the same as contentStart when empty)
	 * @param end offset after its end tag (or after {@code />})
	 * @param selfClosing whether it is written {@code <name/>}
	 * @param children its child elements
	 */
	record Element(String name, int start, int contentStart, int contentEnd, int end, boolean selfClosing,
			List<Element> children) {

		@Nullable Element child(String name) {
			return this.children.stream().filter((child) -> child.name().equals(name)).findFirst().orElse(null);
		}

		List<Element> children(String name) {
			return this.children.stream().filter((child) -> child.name().equals(name)).toList();
		}

		String text(String content) {
			return content.substring(this.contentStart, this.contentEnd);
		}

	}

	/**
	 * Returns the root element.
	 * @param content the document
	 * @param fileName the file's name, for messages
	 * @return the root with its descendants
	 * @throws UnparseableLoginFileException when the document is not well-formed
	 */
	static Element parse(String content, String fileName) {
		checkWellFormed(content, fileName);
		return new Scan(content).root();
	}

	private static void checkWellFormed(String content, String fileName) {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			// Maven's settings have no doctype; one could only bring entities the edit cannot see through
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.newSAXParser().parse(new InputSource(new StringReader(content)), new DefaultHandler() {
				@Override
				public void fatalError(SAXParseException ex) throws SAXException {
					throw ex;
				}
			});
		}
		catch (SAXParseException ex) {
			throw new UnparseableLoginFileException(fileName + " is not well-formed XML: line " + ex.getLineNumber()
					+ ", column " + ex.getColumnNumber() + ": " + ex.getMessage(),
					"Fix the XML at that place (Maven refuses the file as well). Until then it is left as it is.");
		}
		catch (SAXException | ParserConfigurationException | java.io.IOException ex) {
			throw new UnparseableLoginFileException(fileName + " could not be read as XML: " + ex.getMessage(),
					"Check that the file is XML in UTF-8. Until then it is left as it is.");
		}
	}

	/** A scan of a document the parser accepted. */
	private static final class Scan {

		private final String content;

		private int position;

		Scan(String content) {
			this.content = content;
		}

		Element root() {
			while (true) {
				int open = this.content.indexOf('<', this.position);
				this.position = open;
				if (!skipMarkup()) {
					return element();
				}
			}
		}

		/** Skips a comment, processing instruction or CDATA section at the position. */
		private boolean skipMarkup() {
			if (this.content.startsWith("<!--", this.position)) {
				this.position = this.content.indexOf("-->", this.position) + 3;
			}
			else if (this.content.startsWith("<?", this.position)) {
				this.position = this.content.indexOf("?>", this.position) + 2;
			}
			else if (this.content.startsWith("<![CDATA[", this.position)) {
				this.position = this.content.indexOf("]]>", this.position) + 3;
			}
			else {
				return false;
			}
			return true;
		}

		/** Reads the element whose start tag begins at the position. */
		private Element element() {
			int start = this.position;
			int nameEnd = start + 1;
			while (!isNameEnd(this.content.charAt(nameEnd))) {
				nameEnd++;
			}
			String name = localName(this.content.substring(start + 1, nameEnd));
			int tagEnd = tagEnd(nameEnd);
			boolean selfClosing = this.content.charAt(tagEnd - 2) == '/';
			if (selfClosing) {
				this.position = tagEnd;
				return new Element(name, start, tagEnd, tagEnd, tagEnd, true, List.of());
			}
			List<Element> children = new ArrayList<>();
			this.position = tagEnd;
			while (true) {
				this.position = this.content.indexOf('<', this.position);
				if (skipMarkup()) {
					continue;
				}
				if (this.content.charAt(this.position + 1) == '/') {
					int contentEnd = this.position;
					int end = this.content.indexOf('>', this.position) + 1;
					this.position = end;
					return new Element(name, start, tagEnd, contentEnd, end, false, List.copyOf(children));
				}
				children.add(element());
			}
		}

		/** Returns the offset after the start tag's {@code >}, skipping quoted attribute values. */
		private int tagEnd(int from) {
			char quote = 0;
			for (int i = from; ; i++) {
				char c = this.content.charAt(i);
				if (quote != 0) {
					quote = (c == quote) ? 0 : quote;
				}
				else if (c == '"' || c == '\'') {
					quote = c;
				}
				else if (c == '>') {
					return i + 1;
				}
			}
		}

		private static boolean isNameEnd(char c) {
			return Character.isWhitespace(c) || c == '>' || c == '/';
		}

		private static String localName(String name) {
			int colon = name.indexOf(':');
			return (colon >= 0) ? name.substring(colon + 1) : name;
		}

	}

}
