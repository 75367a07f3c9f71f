import { BrowserRouter } from 'react-router-dom';
import { AuthProvider } from '../auth/AuthProvider';
import { AppRoutes } from './AppRoutes';
import { AppThemeProvider } from './AppThemeProvider';
import { AuthGate } from './AuthGate';

export function App() {
  return (
    <AppThemeProvider>
      <BrowserRouter>
        <AuthProvider>
          <AuthGate>
            <AppRoutes />
          </AuthGate>
        </AuthProvider>
      </BrowserRouter>
    </AppThemeProvider>
  );
}
