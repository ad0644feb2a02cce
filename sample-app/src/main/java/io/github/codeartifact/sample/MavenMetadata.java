package io.github.codeartifact.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The versions of a {@code maven-metadata.xml}, parsed with the JDK's DOM parser with secure
 * processing on, no DOCTYPE and no external entities.
 *
 * @param versions the versions, as listed
 * @param latest the {@code latest} version, or {@code null}
 * @param release the {@code release} version, or {@code null}
 */
record MavenMetadata(List<String> versions, @Nullable String latest, @Nullable String release) {

	static MavenMetadata parse(byte[] xml) {
		try {
			DocumentBuilder builder = factory().newDocumentBuilder();
			builder.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("External entities are not allowed");
			});
			Document document = builder.parse(new ByteArrayInputStream(xml));
			Element versioning = firstChild(document.getDocumentElement(), "versioning");
			if (versioning == null) {
				return new MavenMetadata(List.of(), null, null);
			}
			List<String> versions = new ArrayList<>();
			Element list = firstChild(versioning, "versions");
			if (list != null) {
				NodeList children = list.getChildNodes();
				for (int i = 0; i < children.getLength(); i++) {
					Node child = children.item(i);
					if (child instanceof Element element && "version".equals(element.getTagName())) {
						versions.add(element.getTextContent().strip());
					}
				}
			}
			return new MavenMetadata(List.copyOf(versions), text(versioning, "latest"), text(versioning, "release"));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new IllegalArgumentException("Unreadable maven-metadata.xml: " + ex.getMessage(), ex);
		}
	}

	private static DocumentBuilderFactory factory() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		factory.setNamespaceAware(false);
		return factory;
	}

	private static @Nullable Element firstChild(Element parent, String name) {
		NodeList children = parent.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element element && name.equals(element.getTagName())) {
				return element;
			}
		}
		return null;
	}

	private static @Nullable String text(Element parent, String name) {
		Element element = firstChild(parent, name);
		return (element != null) ? element.getTextContent().strip() : null;
	}

}
