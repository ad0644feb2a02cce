package io.github.codeartifact.buildtools;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * The rules for the user's Maven {@code settings.xml}: of each {@code <server>} whose {@code <id>}
 * is a configured Maven repository's id, only the {@code <password>} becomes the token (a missing
 * {@code <username>} becomes {@code aws}, which CodeArtifact requires); a missing server is added
 * to {@code <servers>}. The edits are made by position in the text: comments, formatting, other
 * servers and every other element stay byte for byte. Repositories and mirrors are left to the
 * user's settings: the ids connect them to the servers. Removing takes the servers this editor
 * added (nothing but id, username {@code aws} and password), then {@code <servers>} when that
 * leaves it empty, and the password of the other servers.
 */
final class MavenSettingsEditor implements LoginFileEditor {

	private static final String FILE = "settings.xml";

	private static final Set<String> ADDED_SERVER_CHILDREN = Set.of("id", "username", "password");

	@Override
	public String write(String content, List<ResolvedRepository> repositories, String token) {
		List<ResolvedRepository> maven = BuildToolConfigFiles.of(repositories, PackageFormat.MAVEN);
		if (maven.isEmpty()) {
			return content;
		}
		String separator = TextLines.separator(content);
		String edited = content.isBlank() ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + separator
				+ "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">" + separator + "</settings>" + separator
				: content;
		for (ResolvedRepository repository : maven) {
			edited = withPassword(edited, repository.repository().id(), BuildToolConfigFiles.xmlText(token));
		}
		return edited;
	}

	private static String withPassword(String content, String id, String password) {
		XmlElements.Element settings = settings(content);
		XmlElements.Element servers = settings.child("servers");
		String serverXml = "<server><id>" + id + "</id><username>" + BuildToolConfigFiles.USER
				+ "</username><password>" + password + "</password></server>";
		if (servers == null) {
			String indent = indentOf(content, settings) + "  ";
			String separator = TextLines.separator(content);
			return withChild(content, settings, "<servers>" + separator + indent + "  " + serverXml + separator
					+ indent + "</servers>");
		}
		XmlElements.Element server = server(content, servers, id);
		if (server == null) {
			return withChild(content, servers, serverXml);
		}
		XmlElements.Element existing = server.child("password");
		if (existing != null && !existing.selfClosing()) {
			return TextLines.replace(content, existing.contentStart(), existing.contentEnd(), password);
		}
		String element = "<password>" + password + "</password>";
		if (existing != null) {
			return TextLines.replace(content, existing.start(), existing.end(), element);
		}
		XmlElements.Element idElement = server.child("id");
		String gap = content.substring(server.contentStart(), idElement.start());
		String between = gap.isBlank() ? gap : "";
		String added = (server.child("username") == null)
				? between + "<username>" + BuildToolConfigFiles.USER + "</username>" + between + element
				: between + element;
		return TextLines.replace(content, idElement.end(), idElement.end(), added);
	}

	@Override
	public String remove(String content, List<ResolvedRepository> repositories) {
		String edited = content;
		for (ResolvedRepository repository : BuildToolConfigFiles.of(repositories, PackageFormat.MAVEN)) {
			XmlElements.Element servers = settings(edited).child("servers");
			XmlElements.Element server = (servers != null) ? server(edited, servers, repository.repository().id())
					: null;
			if (server == null) {
				continue;
			}
			XmlElements.Element username = server.child("username");
			boolean added = server.children().stream().allMatch((child) -> ADDED_SERVER_CHILDREN.contains(child.name()))
					&& username != null && BuildToolConfigFiles.USER.equals(username.text(edited).strip());
			XmlElements.Element password = server.child("password");
			if (added) {
				edited = withoutElement(edited, server);
				XmlElements.Element left = Objects.requireNonNull(settings(edited).child("servers"));
				if (left.children().isEmpty() && left.text(edited).isBlank()) {
					edited = withoutElement(edited, left);
				}
			}
			else if (password != null) {
				edited = withoutElement(edited, password);
			}
		}
		return edited;
	}

	private static XmlElements.Element settings(String content) {
		XmlElements.Element root = XmlElements.parse(content, FILE);
		if (!root.name().equals("settings")) {
			throw new UnparseableLoginFileException(FILE + " has the root element <" + root.name()
					+ ">, not Maven's <settings>", "Point the property at Maven's settings file, or make <settings> "
							+ "its root. Until then it is left as it is.");
		}
		return root;
	}

	private static XmlElements.@Nullable Element server(String content, XmlElements.Element servers, String id) {
		return servers.children("server").stream().filter((server) -> {
			XmlElements.Element serverId = server.child("id");
			return serverId != null && serverId.text(content).strip().equals(id);
		}).findFirst().orElse(null);
	}

	/** Adds a child as the last one: on a line of its own when the end tag stands on its own line. */
	private static String withChild(String content, XmlElements.Element parent, String child) {
		String separator = TextLines.separator(content);
		String indent = indentOf(content, parent) + "  ";
		if (parent.selfClosing()) {
			int slash = content.lastIndexOf('/', parent.end());
			return TextLines.replace(content, slash, parent.end(), ">" + separator + indent + child + separator
					+ indentOf(content, parent) + "</" + content.substring(parent.start() + 1, tagNameEnd(content,
							parent.start())) + ">");
		}
		int lineStart = content.lastIndexOf('\n', parent.contentEnd() - 1) + 1;
		if (lineStart > parent.contentStart() && content.substring(lineStart, parent.contentEnd()).isBlank()) {
			return TextLines.replace(content, lineStart, lineStart, indent + child + separator);
		}
		return TextLines.replace(content, parent.contentEnd(), parent.contentEnd(), child);
	}

	/** Removes an element, with its line when it stands alone on it. */
	private static String withoutElement(String content, XmlElements.Element element) {
		int lineStart = content.lastIndexOf('\n', element.start() - 1) + 1;
		TextLines.Line rest = TextLines.of(content.substring(element.end())).stream().findFirst()
			.orElse(new TextLines.Line(0, 0, 0));
		if (content.substring(lineStart, element.start()).isBlank()
				&& content.substring(element.end(), element.end() + rest.end()).isBlank()) {
			return TextLines.cut(content, lineStart, element.end() + rest.next());
		}
		return TextLines.cut(content, element.start(), element.end());
	}

	private static String indentOf(String content, XmlElements.Element element) {
		int lineStart = content.lastIndexOf('\n', element.start() - 1) + 1;
		String before = content.substring(lineStart, element.start());
		return before.isBlank() ? before : "";
	}

	private static int tagNameEnd(String content, int start) {
		int end = start + 1;
		while (!Character.isWhitespace(content.charAt(end)) && content.charAt(end) != '/' && content.charAt(end) != '>') {
			end++;
		}
		return end;
	}

}
