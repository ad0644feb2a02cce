package io.github.codeartifact.test;

/**
 * Serves the files seeded with {@link CodeArtifactEmulator#putPackageFile} verbatim, for the
 * formats that have no endpoint of their own.
 */
final class SeededFileEndpoint implements FormatEndpoint {

	private final PackageStore store;

	SeededFileEndpoint(PackageStore store) {
		this.store = store;
	}

	@Override
	public HttpReply answer(PackageRepository.Coordinates coordinates, HttpRequestMessage request) {
		if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
			return RepositoryReplies.methodNotAllowed("GET, HEAD");
		}
		byte[] content = this.store.get(coordinates.domain(), coordinates.repository(), coordinates.format(),
				coordinates.file());
		return (content != null) ? RepositoryReplies.ok("application/octet-stream", content)
				: RepositoryReplies.notFound();
	}

}
