import '../forum.css';
import type { ForumAuthor } from '@/types/api';
import { roleLabel } from '@/utils/labels';

/** Who wrote it: a role and a region, never a name or a contact (the seed's rule). */
export function AuthorLabel({ author }: { author: ForumAuthor }) {
  return (
    <span className="forum-author" data-testid="forum-author">
      {roleLabel(author.role)}
      {author.regionName
        ? `, ${author.regionName}`
        : author.regionCode
          ? `, регион ${author.regionCode}`
          : ''}
      {author.you && ' (вы)'}
    </span>
  );
}
