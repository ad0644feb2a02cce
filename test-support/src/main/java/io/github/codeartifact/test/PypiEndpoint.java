package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A Python package index: the simple repository API as PEP 503 HTML, or PEP 691 JSON when
 * the client asks for {@code application/vnd.pypi.simple.v1+json}, with file links that
 * carry {@code #sha256=} fragments, downloads below {@code packages/}, and
 * {@code twine upload} (a multipart POST of {@code :action=file_upload} to the endpoint
 * itself; a file is uploaded once, a second time is a 409).
 */
final class PypiEndpoint implements FormatEndpoint {

	static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";

	private static final String SIMPLE = "simple/";

	private static final String PACKAGES = "packages/";

	private static final Map<String, String> META = Map.of("api-version", "1.0");

	private final PackageStore store;

	PypiEndpoint(PackageStore store) {
		this.store = store;
	}

	@Override
	public HttpReply answer(PackageRepository.Coordinates coordinates, HttpRequestMessage request) {
		String path = coordinates.file();
		String method = request.method();
		if (path.isEmpty() && method.equals("POST")) {
			return upload(coordinates, request);
		}
		if (!method.equals("GET") && !method.equals("HEAD")) {
			return RepositoryReplies.methodNotAllowed(path.isEmpty() ? "POST" : "GET, HEAD");
		}
		boolean json = wantsJson(request.header("Accept"));
		if (path.equals(SIMPLE) || path.equals("simple")) {
			return rootIndex(coordinates, json);
		}
		if (path.startsWith(SIMPLE)) {
			String project = path.substring(SIMPLE.length());
			return projectPage(coordinates, project.endsWith("/") ? project.substring(0, project.length() - 1) : project,
					json);
		}
		byte[] file = path.startsWith(PACKAGES) ? this.store.get(coordinates.domain(), coordinates.repository(),
				coordinates.format(), path) : null;
		return (file != null) ? RepositoryReplies.ok("application/octet-stream", file) : RepositoryReplies.notFound();
	}

	/**
	 * Adds a distribution file to a project.
	 * @param coordinates the repository
	 * @param project the project name
	 * @param version the version
	 * @param filename the wheel or sdist file name
	 * @param content the file
	 * @return {@code true} unless the file was uploaded before
	 */
	boolean add(PackageRepository.Coordinates coordinates, String project, String version, String filename,
			byte[] content) {
		String path = PACKAGES + PythonPackageFiles.normalize(project) + "/" + version + "/" + filename;
		return this.store.putIfAbsent(coordinates.domain(), coordinates.repository(), coordinates.format(), path,
				content);
	}

	private HttpReply upload(PackageRepository.Coordinates coordinates, HttpRequestMessage request) {
		MultipartForm form;
		try {
			form = MultipartForm.parse(request.header("Content-Type"), request.body());
		}
		catch (IllegalArgumentException ex) {
			return RepositoryReplies.text(400, ex.getMessage());
		}
		String name = form.fields().get("name");
		String version = form.fields().get("version");
		MultipartForm.FilePart content = form.files().get("content");
		if (!"file_upload".equals(form.fields().get(":action")) || name == null || version == null || content == null
				|| content.filename().isEmpty() || content.filename().contains("/")) {
			return RepositoryReplies.text(400,
					"An upload needs the fields :action=file_upload, name and version, and the file as content");
		}
		String sha256 = form.fields().get("sha256_digest");
		if (sha256 != null && !sha256.equalsIgnoreCase(Digests.hex("SHA-256", content.content()))) {
			return RepositoryReplies.text(400, "sha256_digest does not match the uploaded file");
		}
		if (!add(coordinates, name, version, content.filename(), content.content())) {
			return RepositoryReplies.text(409, "File already exists: " + content.filename());
		}
		return RepositoryReplies.text(200, "OK");
	}

	private HttpReply rootIndex(PackageRepository.Coordinates coordinates, boolean json) {
		Set<String> projects = new LinkedHashSet<>();
		for (String path : files(coordinates, PACKAGES)) {
			projects.add(path.substring(PACKAGES.length(), path.indexOf('/', PACKAGES.length())));
		}
		if (json) {
			List<Map<String, String>> names = projects.stream().map((project) -> Map.of("name", project)).toList();
			return jsonReply(Map.of("meta", META, "projects", names));
		}
		StringBuilder html = page("Simple index");
		projects.forEach((project) -> html.append("<a href=\"").append(project).append("/\">").append(project)
			.append("</a><br/>\n"));
		return htmlReply(html);
	}

	private HttpReply projectPage(PackageRepository.Coordinates coordinates, String project, boolean json) {
		String normalized = PythonPackageFiles.normalize(project);
		List<String> paths = files(coordinates, PACKAGES + normalized + "/");
		if (paths.isEmpty()) {
			return RepositoryReplies.notFound();
		}
		List<Map<String, Object>> files = new ArrayList<>();
		StringBuilder html = page("Links for " + normalized);
		for (String path : paths) {
			byte[] content = this.store.get(coordinates.domain(), coordinates.repository(), coordinates.format(), path);
			String sha256 = Digests.hex("SHA-256", (content != null) ? content : new byte[0]);
			String filename = path.substring(path.lastIndexOf('/') + 1);
			String url = "../../" + path;
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("filename", filename);
			file.put("url", url);
			file.put("hashes", Map.of("sha256", sha256));
			files.add(file);
			html.append("<a href=\"").append(url).append("#sha256=").append(sha256).append("\">").append(filename)
				.append("</a><br/>\n");
		}
		if (json) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("meta", META);
			document.put("name", normalized);
			document.put("files", files);
			return jsonReply(document);
		}
		return htmlReply(html);
	}

	private List<String> files(PackageRepository.Coordinates coordinates, String directory) {
		return this.store.paths(coordinates.domain(), coordinates.repository(), coordinates.format(), directory);
	}

	private static boolean wantsJson(@Nullable String accept) {
		return accept != null && accept.contains(JSON_TYPE);
	}

	private static StringBuilder page(String title) {
		return new StringBuilder("<!DOCTYPE html>\n<html>\n<head><meta name=\"pypi:repository-version\" content=\"1.0\">")
			.append("<title>")
			.append(title)
			.append("</title></head>\n<body>\n");
	}

	private static HttpReply htmlReply(StringBuilder html) {
		html.append("</body>\n</html>\n");
		return RepositoryReplies.ok("text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static HttpReply jsonReply(Object document) {
		return RepositoryReplies.ok(JSON_TYPE, Json.write(document).getBytes(StandardCharsets.UTF_8));
	}

}
