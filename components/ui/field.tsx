// A labelled form field with its error messages, wired for screen readers.
export function Field({
  name,
  label,
  help,
  errors,
  children,
}: {
  name: string;
  label: string;
  help?: string;
  errors?: string[];
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string }) => React.ReactNode;
}) {
  const id = `field-${name}`;
  const describedBy = [help && `${id}-help`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const className = `mt-1 w-full rounded-md border px-3 py-2 text-sm ${errors?.length ? "border-red-500" : "border-slate-300"}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {children({ id, name, "aria-invalid": !!errors?.length, "aria-describedby": describedBy, className })}
      {help && <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">{help}</p>}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p>
      ) : null}
    </div>
  );
}
