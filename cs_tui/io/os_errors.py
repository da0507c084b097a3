"""What an operating-system error means to a user, in a few words: "the disk is full"."""

import errno

_CAUSES_BY_NAME = (
    ("ENOSPC", "the disk is full"),
    ("EDQUOT", "the disk quota is used up"),
    ("EFBIG", "the file would be larger than the disk allows"),
    ("EROFS", "the disk is read-only"),
    ("EACCES", "permission denied"),
    ("EPERM", "permission denied (the file or folder may be locked or immutable)"),
    ("ENOENT", "it does not exist"),
    ("ENOTDIR", "part of the path is a file, not a folder"),
    ("EISDIR", "it is a folder"),
    ("EEXIST", "it already exists"),
    ("EIO", "an input/output error (the disk may be failing or disconnected)"),
    ("ENAMETOOLONG", "the name is too long"),
    ("ETXTBSY", "the file is in use"),
    ("EBUSY", "the file is in use"),
    ("ELOOP", "the path loops through symbolic links"),
)
CAUSES = {getattr(errno, name): cause for name, cause in _CAUSES_BY_NAME if hasattr(errno, name)}


def os_error_cause(error: OSError) -> str:
    """The reason for `error` in plain words, without the path (the caller names the file)."""
    cause = CAUSES.get(error.errno or 0)
    if cause:
        return cause
    return (error.strerror or str(error) or type(error).__name__).strip().rstrip(".").lower()
