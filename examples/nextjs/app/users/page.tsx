import { AutoRefresh } from "@/components/auto-refresh";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
} from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { getDatabase } from "@/lib/db";
import { requireUser } from "@/lib/require-user";
import { formatTime } from "@/lib/format";
import { countUsers, listUsers, type UserRow } from "@/lib/users-store";

export const metadata = { title: "Users · dropsync example" };

export default async function UsersPage() {
  await requireUser();
  const db = getDatabase();
  const users = listUsers(db);
  const counts = countUsers(db);
  return (
    <Card>
      <AutoRefresh />
      <CardHeader>
        <h1 className="text-xl font-semibold">Users synced from Clerk</h1>
        <CardDescription>
          Clerk sends <code>user.created</code>, <code>user.updated</code> and{" "}
          <code>user.deleted</code> to <code>/api/webhooks/clerk</code>. Try{" "}
          <code>npm run webhook:send -- user.created</code>. This page refreshes
          every 2 seconds.
        </CardDescription>
        <p className="text-sm" data-testid="user-counts">
          {counts.live} active, {counts.deleted} deleted
        </p>
      </CardHeader>
      <CardContent>
        {users.length === 0 ? (
          <p className="text-muted-foreground py-8 text-center text-sm">
            No users yet.
          </p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>User</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Username</TableHead>
                <TableHead>State</TableHead>
                <TableHead>Last change</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((user) => (
                <UserTableRow key={user.id} user={user} />
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function UserTableRow({ user }: { user: UserRow }) {
  const deleted = user.deleted_at !== null;
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return (
    <TableRow
      data-testid="user-row"
      data-user-id={user.id}
      data-state={deleted ? "deleted" : "active"}
      className={deleted ? "text-muted-foreground" : undefined}
    >
      <TableCell>
        <div className="flex items-center gap-3">
          <Avatar src={deleted ? null : user.image_url} name={name} />
          <div>
            <div className="font-medium" data-field="name">
              {name || "—"}
            </div>
            {/* The id is the only identifier of a user without a name and
                an email, such as a phone-only Clerk user. */}
            <div className="font-mono text-xs" data-field="id">
              {user.id}
            </div>
          </div>
        </div>
      </TableCell>
      <TableCell data-field="email">{user.email ?? "—"}</TableCell>
      <TableCell data-field="username">{user.username ?? "—"}</TableCell>
      <TableCell>
        {deleted ? (
          <Badge variant="destructive">Deleted</Badge>
        ) : (
          <Badge variant="success">Active</Badge>
        )}
      </TableCell>
      <TableCell className="text-xs">
        {formatTime(user.deleted_at ?? user.updated_at)}
      </TableCell>
    </TableRow>
  );
}
