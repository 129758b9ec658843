// /workspace/password: any signed-in user changes their own password (reached from the top bar).
import type { SectionProps } from '../sections';
import { PasswordForm } from './password-form';

export default function PasswordPage({ locale, onSignedOut }: SectionProps) {
  return (
    <div className="narrow-page">
      <PasswordForm
        locale={locale}
        mustChange={false}
        onChanged={() => undefined}
        onSignedOut={onSignedOut}
      />
    </div>
  );
}
