/** The main area before an agent is selected or while the agent list is still loading. */
export function EmptyDetail({ message }: { message: string }) {
  return (
    <div className="grid flex-1 place-items-center">
      <p className="max-w-sm text-center text-sm text-faint">{message}</p>
    </div>
  );
}
