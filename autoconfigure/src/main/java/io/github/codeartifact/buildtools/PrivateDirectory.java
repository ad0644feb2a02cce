package io.github.codeartifact.buildtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A temporary directory only its owner can enter (0700), holding files only its owner can read
 * (0600). Both modes are set when the directory and the files are created, so there is no moment
 * in which another user could open them. Where the file system has no POSIX modes (Windows), the
 * temporary directory below the user's profile is private already.
 */
final class PrivateDirectory {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final Path directory;

	private final List<Path> files = new ArrayList<>();

	private PrivateDirectory(Path directory) {
		this.directory = directory;
	}

	/** Creates a private directory below {@code java.io.tmpdir}. */
	static PrivateDirectory create() {
		try {
			return new PrivateDirectory((POSIX)
					? Files.createTempDirectory("codeartifact-build-", mode("rwx------"))
					: Files.createTempDirectory("codeartifact-build-"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a private directory for a build-tool session", ex);
		}
	}

	Path path() {
		return this.directory;
	}

	/** Writes a new private file; the content is never part of a message. */
	Path write(String name, String content) {
		Path file = this.directory.resolve(name);
		try {
			if (POSIX) {
				Files.createFile(file, mode("rw-------"));
			}
			else {
				Files.createFile(file);
			}
			this.files.add(file);
			Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			delete();
			throw new UncheckedIOException("Could not write " + file + " of a build-tool session", ex);
		}
	}

	/** Deletes the files and the directory; what cannot be deleted is left for the next reboot. */
	void delete() {
		for (Path file : this.files) {
			deleteQuietly(file);
		}
		deleteQuietly(this.directory);
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			path.toFile().deleteOnExit();
		}
	}

	private static FileAttribute<?> mode(String permissions) {
		return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
	}

}
