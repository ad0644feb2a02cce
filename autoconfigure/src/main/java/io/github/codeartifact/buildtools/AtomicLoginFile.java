package io.github.codeartifact.buildtools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * One login file on disk, read and replaced whole: each write goes to a temporary file in the same
 * directory (mode 0600 from its creation), is forced to the disk and renamed over the file
 * atomically, so a reader sees the old file or the new one, never a part. Before the first write
 * the file as it was is copied to {@code <name>.codeartifact-backup} (0600; empty when there was no
 * file), which is never overwritten, not by later runs either. Missing parent directories are created with mode 0700. A symbolic link is followed:
 * its target is replaced and the link stays.
 */
final class AtomicLoginFile {

	/** Appended to the file's name for the backup. */
	static final String BACKUP_SUFFIX = ".codeartifact-backup";

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final Path path;

	private final Charset charset;

	AtomicLoginFile(Path path, Charset charset) {
		this.path = path;
		this.charset = charset;
	}

	Path path() {
		return this.path;
	}

	Path backup() {
		return this.path.resolveSibling(this.path.getFileName() + BACKUP_SUFFIX);
	}

	/**
	 * Reads the file.
	 * @return its content, or {@code null} when it does not exist
	 * @throws UnparseableLoginFileException when it is not text in the file's charset
	 * @throws IOException when it cannot be read
	 */
	@Nullable String read() throws IOException {
		if (!Files.exists(this.path)) {
			return null;
		}
		byte[] bytes = Files.readAllBytes(this.path);
		try {
			return this.charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new UnparseableLoginFileException(this.path.getFileName() + " is not " + this.charset + " text",
					"Save the file as " + this.charset + ". Until then it is left as it is.");
		}
	}

	/**
	 * Replaces the file's content, keeping a backup of the file as it was before the first write.
	 * @param content the new content
	 * @throws IOException when it cannot be written; the file is then as it was
	 */
	void write(String content) throws IOException {
		Path target = Files.isSymbolicLink(this.path) ? this.path.toRealPath() : this.path;
		Path directory = target.toAbsolutePath().getParent();
		createPrivateDirectories(directory);
		Path backup = backup();
		if (!Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
			// Empty when there was no file: a later run must not take the file it created for the user's
			writeForced(createPrivate(backup), Files.exists(target) ? Files.readAllBytes(target) : new byte[0]);
		}
		Path temporary = (POSIX) ? Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp",
				mode("rw-------")) : Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
		try {
			CharBuffer chars = CharBuffer.wrap(content);
			ByteBuffer bytes = this.charset.newEncoder().encode(chars);
			byte[] array = new byte[bytes.remaining()];
			bytes.get(array);
			writeForced(temporary, array);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				// Same directory: only a file system without atomic renames lands here
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
			forceDirectory(directory);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static Path createPrivate(Path file) throws IOException {
		return (POSIX) ? Files.createFile(file, mode("rw-------")) : Files.createFile(file);
	}

	private static void writeForced(Path file, byte[] content) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
	}

	/** Makes the rename durable where the platform allows opening a directory (Linux, macOS). */
	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// Windows cannot open a directory; its rename is durable through the file system's journal
		}
	}

	private static void createPrivateDirectories(Path directory) throws IOException {
		Deque<Path> missing = new ArrayDeque<>();
		for (Path candidate = directory; candidate != null && !Files.exists(candidate); candidate = candidate
			.getParent()) {
			missing.push(candidate);
		}
		for (Path created : missing) {
			if (POSIX) {
				Files.createDirectory(created, mode("rwx------"));
			}
			else {
				Files.createDirectory(created);
			}
		}
	}

	private static FileAttribute<?> mode(String permissions) {
		return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
	}

}
